"""Load: plan YAML with positions → frozen model and source map (TP1xx)."""
