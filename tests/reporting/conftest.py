"""A fixed report, with the variety every format must render, shared by the reporting tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from trackplan.diagnostics import Diagnostic, Report, Severity
from trackplan.reporting import RenderContext, RuleInfo

SOURCES = {
    "plans/events.yaml": ["events:", "  # checkout", "    order_completed:", "      properties:"],
    "web/checkout.ts": ["\tanalytics.track(eventName, {"],
}

RULE_DOCS = {
    "TP201": RuleInfo("TP201", "event-naming", "Event names are Object Action in Title Case."),
    "TP303": RuleInfo("TP303", "wrong-type", "A value has the wrong type."),
}


@pytest.fixture
def report() -> Report:
    return Report.build(
        "check",
        [
            Diagnostic(
                file="plans/events.yaml",
                line=3,
                column=5,
                code="TP201",
                severity=Severity.ERROR,
                message='event name "order_completed" is not Object Action in Title Case',
                hint='rename to "Order Completed"',
                event="order_completed",
            ),
            Diagnostic(
                file="plans/events.yaml",
                code="TP205",
                severity=Severity.WARNING,
                message='shared property "currency" is never used',
            ),
            Diagnostic(
                file="logs/events.ndjson",
                line=4,
                code="TP303",
                severity=Severity.ERROR,
                message='value "12.5" has the wrong type: expected integer, got number',
                event="Order Completed",
                path="properties.quantity",
            ),
            Diagnostic(
                file="web/checkout.ts",
                line=1,
                column=3,
                code="TP404",
                severity=Severity.INFO,
                message="event name is not a literal or a resolvable constant",
            ),
            Diagnostic(
                code="TP501",
                severity=Severity.ERROR,
                message='event "Signed Up" was removed',
                event="Signed Up",
            ),
        ],
        {
            "events_checked": 12,
            "plan": "plans",
            "by_source": {"fixtures": 3, "logs": 40},
            "changes": [{"kind": "removed"}],
        },
    )


@pytest.fixture
def empty_report() -> Report:
    return Report.build("lint", [])


@pytest.fixture
def context() -> RenderContext:
    return RenderContext(rule_docs=RULE_DOCS, tool_version="1.2.3")


@pytest.fixture
def source_context(context: RenderContext) -> RenderContext:
    """The context with a `read_source` that knows two files."""

    def read_source(path: str) -> Sequence[str] | None:
        return SOURCES.get(path)

    return replace(context, read_source=read_source)
