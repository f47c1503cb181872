"""Data files shipped with trackplan: the plan JSON Schema and the starter plan."""
