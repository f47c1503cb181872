"""Write a deterministic large tracking plan (for timing load, lint, compile, fmt and diff).

Usage: python bench/plan/generate.py OUT.yaml [--events 3000] [--properties 11]
"""

from __future__ import annotations

import argparse
from pathlib import Path

OBJECTS = ("Order", "Invoice", "Report", "Project", "Workspace", "Dashboard", "Alert", "Export")
ACTIONS = ("Created", "Updated", "Deleted", "Shared", "Viewed", "Archived", "Restored", "Sent")
TYPES = ("string", "number", "integer", "boolean")


def plan_text(events: int, properties: int) -> str:
    lines = [
        "# A generated plan for benchmarks.",
        "plan: Bench",
        "version: 1.0.0",
        "properties:",
    ]
    for index in range(200):
        kind = TYPES[index % len(TYPES)]
        lines.append(f"  shared_{index}: {{type: {kind}, description: Shared property {index}.}}")
    lines.append("events:")
    for index in range(events):
        obj = OBJECTS[index % len(OBJECTS)]
        action = ACTIONS[(index // len(OBJECTS)) % len(ACTIONS)]
        lines.append(f"  {obj} Kind{index} {action}:  # event {index}")
        lines.append(f"    description: Generated event {index}.")
        lines.append("    properties:")
        lines.append(f"      shared_{index % 200}: {{required: true}}")
        for prop in range(properties - 1):
            kind = TYPES[prop % len(TYPES)]
            lines.append(f"      field_{prop}: {{type: {kind}, description: Field {prop}.}}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--properties", type=int, default=11)
    args = parser.parse_args()
    args.out.write_text(plan_text(args.events, args.properties), encoding="utf-8")


if __name__ == "__main__":
    main()
