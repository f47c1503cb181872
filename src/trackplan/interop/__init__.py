"""Import and export: Segment, RudderStack and JSON Schema tracking plans ⇄ YAML plans.

`importing.import_plan` and `exporting.export_segment_plan` are the entry points; each returns
its text and a Report (TP7xx) without printing. docs/import-export.md describes the mapping.
"""
