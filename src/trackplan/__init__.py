"""trackplan: open, local-first tracking-plan governance."""

__version__ = "0.1.0"
