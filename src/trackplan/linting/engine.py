"""The lint engine: structural TP1xx findings, the TP2xx rules, suppressions and the baseline → a Report.

Rules say what and where (`Finding`: message, plan pointer, hint); the engine stamps the
code, the severity (the rule's default, or the configured one) and the file, line and
column from the plan's source map. Then, in this order: inline suppressions silence
findings on their line (and unused ones become TP216 findings), `--select`/`--ignore`
keep the chosen codes, and the baseline drops the findings it records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from trackplan.codes import CODES
from trackplan.config import Settings
from trackplan.diagnostics import (
    Diagnostic,
    Report,
    Severity,
    TrackplanError,
    apply_severities,
    select_diagnostics,
)
from trackplan.linting.baseline import Baseline, read_baseline
from trackplan.linting.rules import RULES, UNUSED_SUPPRESSION, Rule, rule_for, suggest_rule
from trackplan.linting.rules._rule import Finding, Group
from trackplan.linting.suppressions import Problem, Unused, apply_suppressions, find_suppressions
from trackplan.loading.loader import LoadResult
from trackplan.model import Plan, pointer_text

_CODE_PREFIX = "TP"


@dataclass(frozen=True)
class LintOptions:
    """What a lint run checks and how: selectors and severities by code, and a baseline."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    baseline: Baseline | None = None

    def enabled(self, code: str) -> bool:
        """Whether findings of `code` survive `select`/`ignore`."""
        return bool(select_diagnostics([Diagnostic(code=code)], self.select, self.ignore))


def resolve_rule_names(settings: Settings) -> Settings:
    """Settings whose select, ignore and severity keys name codes: names and groups mapped.

    `--select event-naming` becomes `--select TP201`, and `--select naming` (a rule group)
    every code of that group, so the generic code filters understand them. A selector that is
    neither a code, a code prefix, a code or rule name nor a group stops the run with a
    did-you-mean.
    """
    severity = {}
    for key, level in settings.severity.items():
        for code in resolve_selector(key):
            severity[code] = level
    return replace(
        settings,
        select=tuple(code for s in settings.select for code in resolve_selector(s)),
        ignore=tuple(code for s in settings.ignore for code in resolve_selector(s)),
        severity=severity,
    )


def resolve_selector(selector: str) -> tuple[str, ...]:
    """The codes or prefix a selector stands for (upper-cased); a did-you-mean error if none."""
    found = selector_codes(selector)
    if found:
        return found
    guess = suggest_rule(selector, [g.value for g in Group])
    hint = f"; did you mean {guess!r}?" if guess else "; `trackplan rules` lists them"
    raise TrackplanError(
        f"{selector.strip()!r} is not a code, code prefix, rule name or rule group{hint}"
    )


def selector_codes(selector: str) -> tuple[str, ...]:
    """The code or prefix a selector stands for, every code of a group, or () for nothing.

    A selector is `ALL`, a code or prefix (`TP2`, `TP201`), a code's name (`event-naming`,
    `unplanned-event`), or a rule group (`naming`, `privacy`; see `trackplan rules`).
    """
    text = selector.strip()
    upper = text.upper()
    if upper == "ALL" or (upper.startswith(_CODE_PREFIX) and upper[2:].isdigit()) or upper == "TP":
        return (upper,)
    rule = rule_for(text)
    if rule is not None:
        return (rule.code,)
    folded = text.casefold()
    named = tuple(code for code, info in CODES.items() if info.name == folded)
    if named:
        return named
    return tuple(rule.code for rule in RULES if rule.group.value == folded)


def selector_code(selector: str) -> str | None:
    """The one code or prefix a suppression entry stands for (groups are not suppressions)."""
    codes = selector_codes(selector)
    return codes[0] if len(codes) == 1 else None


def lint_options(settings: Settings, *, use_baseline: bool = True) -> LintOptions:
    """The options of a run from (name-resolved) settings, reading the baseline file if any."""
    settings = resolve_rule_names(settings)
    baseline = read_baseline(settings.baseline) if use_baseline and settings.baseline else None
    return LintOptions(settings.select, settings.ignore, dict(settings.severity), baseline)


def lint_plan(result: LoadResult, options: LintOptions | None = None) -> Report:
    """Every finding about the plan itself, settled: suppressed, selected, baselined."""
    options = options or LintOptions()
    rules = [r for r in RULES if r.check is not None and options.enabled(r.code)]
    found = list(result.diagnostics)
    found += (stamp(rule, f, result.plan) for rule in rules for f in run_rule(rule, result.plan))
    outcome = apply_suppressions(
        sorted(set(found)), find_suppressions(result.documents), selector_code
    )
    diagnostics = list(outcome.kept)
    if options.enabled(UNUSED_SUPPRESSION.code):
        diagnostics += report_unused(outcome.unused, options)
    diagnostics = apply_severities(diagnostics, options.severity)
    diagnostics = select_diagnostics(diagnostics, options.select, options.ignore)
    summary: dict[str, int] = {
        "plan_files": len(result.plan.files),
        "events": len(result.plan.events),
    }
    if outcome.silenced:
        summary["suppressed"] = outcome.silenced
    if options.baseline is not None:
        diagnostics, summary["in_baseline"] = options.baseline.filter(diagnostics)
    return Report.build("lint", diagnostics, summary)


# The code families lint produces; suppressions of other codes belong to other commands.
_OWN = ("TP1", "TP2")


def run_rule(rule: Rule, plan: Plan) -> Iterator[Finding]:
    if rule.check is not None:
        yield from rule.check(plan)


def stamp(rule: Rule, finding: Finding, plan: Plan) -> Diagnostic:
    """A rule's finding as a diagnostic: code, default severity and position added."""
    where = plan.locate(finding.pointer)
    return Diagnostic(
        file=where.file if where else "",
        line=where.line if where else 0,
        column=where.column if where else 0,
        code=rule.code,
        severity=rule.severity,
        message=finding.message,
        hint=finding.hint,
        event=finding.event,
        path=pointer_text(finding.pointer),
    )


def report_unused(unused: Iterable[Unused], options: LintOptions) -> list[Diagnostic]:
    """TP216 findings for suppression entries that did nothing (for codes the run checks).

    Only lint's own families count: `ignore[TP405]` on an event is for `scan`.
    """
    out = []
    for item in unused:
        if item.problem is Problem.UNUSED and item.code and not options.enabled(item.code):
            continue
        if item.problem is Problem.UNUSED and item.code and not item.code.startswith(_OWN):
            continue
        message, hint = _describe_unused(item)
        where = item.suppression
        out.append(
            Diagnostic(
                file=where.file,
                line=where.line,
                column=where.column,
                code=UNUSED_SUPPRESSION.code,
                severity=UNUSED_SUPPRESSION.severity,
                message=message,
                hint=hint,
            )
        )
    return out


def _describe_unused(item: Unused) -> tuple[str, str]:
    if item.problem is Problem.MALFORMED:
        return (
            "suppression comment is malformed: `ignore[` needs codes and a closing `]`",
            "write `# trackplan: ignore[TP201]`, or a bare `# trackplan: ignore`",
        )
    if item.problem is Problem.UNKNOWN:
        guess = suggest_rule(item.entry)
        hint = f'did you mean "{guess}"?' if guess else "name a code or rule: see `trackplan rules`"
        return f'suppression names "{item.entry}", which is not a code or rule name', hint
    if not item.entry:
        return "suppression silences nothing on this line", "remove the comment"
    return (
        f"suppression of {item.entry} silences nothing on this line",
        f"remove {item.entry} from the comment",
    )
