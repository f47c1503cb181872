"""Rule documentation for people: the list `trackplan rules` prints, one rule's page, docs/rules.md.

`python -m trackplan.linting.ruledocs > docs/rules.md` regenerates the committed reference;
tests/rules/test_registry.py fails when the committed file is stale.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from itertools import groupby

from trackplan import codes
from trackplan.diagnostics import TrackplanError
from trackplan.linting.rules import RULES, Rule, rule_for, suggest_rule

# The code families of the CLI contract, by prefix.
FAMILIES = {
    "TP1": "plan structure: the plan does not load or is malformed (lint, and every command)",
    "TP2": "plan governance: the lint rules",
    "TP3": "event messages that break the plan (validate)",
    "TP4": "calls found in source code (scan)",
    "TP5": "plan changes (diff)",
    "TP6": "generated files out of date (compile --check)",
    "TP7": "converting to and from other formats (import, export)",
    "TP8": "names and shapes seen in data (infer)",
}
# Codes whose findings are always errors when reported (the loader's).
_ALWAYS_ERRORS = ("TP1",)


@dataclass(frozen=True)
class RuleEntry:
    """One line of `trackplan rules`: what every code is, lint rule or not."""

    code: str
    name: str
    family: str
    summary: str
    group: str = ""
    severity: str = ""


def list_entries() -> list[RuleEntry]:
    """Every known code, sorted: the fixed ones from codes.py and every registered rule."""
    entries = []
    for code, info in sorted(codes.CODES.items()):
        rule = rule_for(code)
        severity = "error" if code.startswith(_ALWAYS_ERRORS) else ""
        entries.append(
            RuleEntry(
                code=code,
                name=info.name,
                family=f"{code[:3]}xx",
                summary=info.summary,
                group=rule.group.value if rule else "",
                severity=rule.severity.value if rule else severity,
            )
        )
    return entries


def render_rule_list() -> str:
    """`trackplan rules` as text: codes by family, with name, default severity and summary."""
    entries = list_entries()
    width = max((len(e.name) for e in entries), default=0) + 2
    lines: list[str] = []
    for family, members in groupby(entries, key=lambda e: e.family):
        if lines:
            lines.append("")
        lines.append(f"{family}  {FAMILIES.get(family[:3], '')}".rstrip())
        for entry in members:
            group = f"[{entry.group}] " if entry.group else ""
            severity = entry.severity or "-"
            lines.append(
                f"  {entry.code}  {entry.name:<{width}}{severity:<9}{group}{entry.summary}"
            )
    lines += ["", "`trackplan rule CODE` prints a rule's documentation."]
    return "\n".join(lines) + "\n"


def render_rule_json() -> str:
    """`trackplan rules --format json`: one object per code, sorted."""
    return json.dumps([asdict(e) for e in list_entries()], indent=2, ensure_ascii=False) + "\n"


def find_entry(code_or_name: str) -> RuleEntry:
    """The entry of a code or rule name (any case); an unknown one stops with a did-you-mean."""
    wanted = code_or_name.strip()
    rule = rule_for(wanted)
    entries = list_entries()
    for entry in entries:
        if entry.code == wanted.upper() or (rule is not None and entry.code == rule.code):
            return entry
        if entry.name.casefold() == wanted.casefold():
            return entry
    guess = suggest_rule(wanted, [e.code for e in entries])
    hint = f"; did you mean {guess!r}?" if guess else "; `trackplan rules` lists them"
    raise TrackplanError(f"unknown rule {wanted!r}{hint}")


def render_rule_page(code_or_name: str) -> str:
    """`trackplan rule CODE`: the rule's documentation as Markdown text."""
    entry = find_entry(code_or_name)
    rule = rule_for(entry.code)
    lines = [f"# {entry.code} {entry.name}", "", entry.summary, ""]
    if rule is None:
        lines.append(f"Family: {entry.family}, {FAMILIES.get(entry.code[:3], '')}.")
        if entry.severity:
            lines.append(f"Severity: {entry.severity}.")
        return "\n".join(lines) + "\n"
    lines += [_facts(rule), "", _demote(rule.body)]
    return "\n".join(lines) + "\n"


def render_rules_markdown() -> str:
    """docs/rules.md: every lint rule's documentation and the loader's TP1xx codes."""
    lint_rules = sorted(RULES, key=lambda r: r.code)
    out = [
        "# Lint rules",
        "",
        "<!-- Generated from the rules' docstrings by `python -m trackplan.linting.ruledocs > docs/rules.md`;",
        "     do not edit by hand. tests/rules/test_registry.py fails when this file is stale. -->",
        "",
        "`trackplan lint` reports the plan's structural problems (TP1xx, found while loading)",
        "and the governance rules below (TP2xx). `trackplan rules` lists every code;",
        "`trackplan rule TP201` prints one rule's page. See [lint.md](lint.md) for selecting",
        "rules, severities, inline suppressions and baselines.",
        "",
        "| code | name | group | default severity | summary |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| [{r.code}](#{r.code.lower()}-{r.name}) | `{r.name}` | {r.group.value} |"
        f" {r.severity.value} | {_cell(r.summary)} |"
        for r in lint_rules
    ]
    out += ["", "## Plan structure (TP1xx)", ""]
    out += ["Reported by the loader, always errors; a plan with them does not compile.", ""]
    out += ["| code | name | summary |", "|---|---|---|"]
    out += [
        f"| {e.code} | `{e.name}` | {_cell(e.summary)} |"
        for e in list_entries()
        if e.code.startswith("TP1")
    ]
    for rule in lint_rules:
        out += ["", f"## {rule.code} {rule.name}", "", rule.summary, "", _facts(rule), ""]
        out.append(_demote(rule.body))
    return "\n".join(out) + "\n"


def _facts(rule: Rule) -> str:
    return (
        f"Group: {rule.group.value}. Default severity: {rule.severity.value}."
        f" Silence one finding with `# trackplan: ignore[{rule.code}]` on its line."
    )


def _demote(body: str) -> str:
    """Docstring sections (`## What it does`) one level down, under the rule's own heading."""
    return "\n".join("#" + line if line.startswith("## ") else line for line in body.splitlines())


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main() -> None:
    """Print docs/rules.md."""
    sys.stdout.write(render_rules_markdown())


if __name__ == "__main__":
    main()
