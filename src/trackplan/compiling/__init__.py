"""Compile: the plan → draft-07 JSON Schemas, and the folder they are written to."""
