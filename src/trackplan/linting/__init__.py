"""Lint: the rule engine, inline suppressions, baselines, rule docs and the rules."""
