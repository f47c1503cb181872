"""Extraction details: grammars by extension, constants and scopes, literals, SDK argument layouts."""

from __future__ import annotations

from typing import Any

import pytest
from tests.scanning.conftest import Project

from trackplan.scanning import CallKind, ValueKind, build_matchers
from trackplan.scanning.javascript import extract_javascript
from trackplan.scanning.languages import Language, language_of


def events(project: Project, name: str, text: str) -> list[Any]:
    """The event (or the unresolved expression) of each call found in one file."""
    project.write(name, text)
    _, document = project.scan_json("plans", name)
    return [c["event"] or f"?{c['event_expression']}" for c in document["summary"]["calls"]]


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("a.js", Language.JAVASCRIPT),
        ("a.jsx", Language.JAVASCRIPT),
        ("a.mjs", Language.JAVASCRIPT),
        ("a.cjs", Language.JAVASCRIPT),
        ("a.ts", Language.TYPESCRIPT),
        ("a.mts", Language.TYPESCRIPT),
        ("a.cts", Language.TYPESCRIPT),
        ("a.tsx", Language.TSX),
        ("a.py", Language.PYTHON),
        ("A.TSX", Language.TSX),
        ("a.d.ts", None),
        ("a.min.js", None),
        ("a.vue", None),
        ("Makefile", None),
    ],
)
def test_grammar_follows_the_extension(name: str, language: Language | None) -> None:
    assert language_of(name) is language


def test_type_assertions_parse_as_typescript_but_not_as_tsx(project: Project) -> None:
    text = "const n = <string>value;\nanalytics.track('Order Completed', { order_id: n });\n"
    project.write("a.ts", text)
    project.write("b.tsx", text)
    _, document = project.scan_json("plans", "a.ts", "b.tsx")
    assert [(d["file"], d["code"]) for d in document["diagnostics"]][:1] == [("b.tsx", "TP408")]
    assert not any(d["file"] == "a.ts" for d in document["diagnostics"])


def test_javascript_constants_follow_scopes(project: Project) -> None:
    text = """\
    const A = "Order Completed";
    const B = A;
    const C = D, D = C;
    const { E } = names;
    import { F } from "./names";
    const G = "Order Completed";
    const G2 = "x";
    function f(A) { analytics.track(A); }
    function g() { const A = "Report Exported"; analytics.track(A); }
    { const H = "Report Exported"; }
    for (const item of list) analytics.track(item);
    try { x(); } catch (B) { analytics.track(B); }
    analytics.track(B);
    analytics.track(C);
    analytics.track(E);
    analytics.track(F);
    analytics.track(H);
    var V = "Order Completed";
    analytics.track(V);
    """
    assert events(project, "a.js", text) == [
        "?A",
        "Report Exported",
        "?item",
        "?B",
        "Order Completed",
        "?C",
        "?E",
        "?F",
        "?H",
        "?V",
    ]


def test_typescript_constant_forms(project: Project) -> None:
    text = """\
    const KEY = "ORDER";
    export const EV = { ORDER: "Order Completed", "report-exported": "Report Exported" } as const;
    const SAT = { R: "Report Exported" } satisfies Record<string, string>;
    const enum Kind { Order = "Order Completed", Count = 3 }
    declare const maybe: { E?: string };
    analytics.track(EV[KEY]);
    analytics.track(EV["report-exported"]);
    analytics.track(SAT.R as string);
    analytics.track(Kind.Order);
    analytics.track(Kind.Count);
    analytics.track(EV!.ORDER);
    analytics.track(<string>EV.ORDER);
    analytics.track("Order" + " " + "Completed");
    analytics.track(`${EV.ORDER}`);
    analytics.track('Order\\u0020Completed');
    analytics.track(maybe.E);
    """
    assert events(project, "a.ts", text) == [
        "Order Completed",
        "Report Exported",
        "Report Exported",
        "Order Completed",
        "?Kind.Count",
        "Order Completed",
        "Order Completed",
        "Order Completed",
        "Order Completed",
        "Order Completed",
        "?maybe.E",
    ]


def test_javascript_literal_values_and_their_types() -> None:
    source = (
        b"analytics.track('X', { a: 1_000, b: 0x1F, c: 1.5e3, d: -2.5, e: 10n, f: true,"
        b" g: null, h: undefined, i: [1, ...r], j: { k: 'v' }, 'l': `t`, 2: 'two',"
        b" m() { return 1 }, n: +'1' });"
    )
    calls, problems = extract_javascript(source, Language.JAVASCRIPT, build_matchers(), "a.js")
    assert problems == []
    (call,) = calls
    assert call.kind is CallKind.TRACK
    props = call.properties
    assert props is not None
    values = {e.key: (e.value.kind, e.value.scalar) for e in props.entries}
    assert values["a"] == (ValueKind.NUMBER, 1000)
    assert values["b"] == (ValueKind.NUMBER, 31)
    assert values["c"] == (ValueKind.NUMBER, 1500.0)
    assert values["d"] == (ValueKind.NUMBER, -2.5)
    assert values["e"] == (ValueKind.NUMBER, 10)
    assert values["f"] == (ValueKind.BOOLEAN, True)
    assert values["g"] == (ValueKind.NULL, None)
    assert values["h"][0] is ValueKind.UNKNOWN
    assert values["i"][0] is ValueKind.ARRAY
    assert values["j"][0] is ValueKind.OBJECT
    assert values["l"] == (ValueKind.STRING, "t")
    assert values["2"] == (ValueKind.STRING, "two")
    assert values["m"][0] is ValueKind.UNKNOWN
    assert values["n"][0] is ValueKind.UNKNOWN
    array = props.entry("i")
    assert array is not None and array.value.open
    assert not props.open


def test_python_constants_follow_scopes(project: Project) -> None:
    text = """\
    import analytics
    from enum import Enum
    from names import IMPORTED

    A = "Order Completed"
    B: str = "Report Exported"
    G = "Order Completed"
    S = "Order"

    class Plain:
        E = "Order Completed"
        T = "x"
        T = "y"

    class Kinds(Enum):
        ORDER = "Order Completed"

    class Names(str, Enum):
        ORDER = "Order Completed"

    def f(A):
        analytics.track(u, A)

    def g():
        global G
        G = "Report Exported"

    def h(items):
        analytics.track(u, B)
        analytics.track(u, Plain.E)
        analytics.track(u, Plain.E.value)
        analytics.track(u, Plain.T)
        analytics.track(u, Kinds.ORDER.value)
        analytics.track(u, Kinds.ORDER)
        analytics.track(u, Names.ORDER)
        analytics.track(u, G)
        analytics.track(u, IMPORTED)
        analytics.track(u, f"{S} Completed")
        analytics.track(u, f"{S!r} Completed")
        analytics.track(u, S + " Completed")
        [analytics.track(u, A) for A in items]
        analytics.track(*args)
    """
    assert events(project, "a.py", text) == [
        "?A",
        "Report Exported",
        "Order Completed",
        "?Plain.E.value",
        "?Plain.T",
        "Order Completed",
        "?Kinds.ORDER",
        "Order Completed",
        "?G",
        "?IMPORTED",
        "Order Completed",
        '?f"{S!r} Completed"',
        "Order Completed",
        "?A",
        "?…",
    ]


def test_python_sdk_layouts(project: Project) -> None:
    text = """\
    posthog.capture("user-1", "Order Completed", {"order_id": "o"})
    posthog.capture("Report Exported", distinct_id="user-1", properties={"format": "csv"})
    posthog.capture(distinct_id="u", event="Order Completed", properties={"order_id": "o"})
    mixpanel.track("user-1", "Report Exported", {"format": "pdf"})
    rudder_analytics.track("user-1", "Order Completed", {"order_id": "o"})
    analytics.page("user-1", "Docs", "Pricing", {"path": "/"})
    analytics.screen(user_id="user-1", name="Home", properties={})
    analytics.identify("user-1", traits={"email": "a@example.com"})
    self.analytics.track(self.user, "Order Completed", {"order_id": "o"})
    """
    project.write("a.py", text)
    _, document = project.scan_json("plans", "a.py")
    calls = [
        (c["sdk"], c["kind"], c["event"], c["properties"]) for c in document["summary"]["calls"]
    ]
    assert calls == [
        ("posthog", "track", "Order Completed", ["order_id"]),
        ("posthog", "track", "Report Exported", ["format"]),
        ("posthog", "track", "Order Completed", ["order_id"]),
        ("mixpanel", "track", "Report Exported", ["format"]),
        ("rudderstack", "track", "Order Completed", ["order_id"]),
        ("segment", "page", "Pricing", ["path"]),
        ("segment", "screen", "Home", []),
        ("segment", "identify", None, ["email"]),
        ("segment", "track", "Order Completed", ["order_id"]),
    ]
    assert document["diagnostics"] == []


def test_javascript_page_and_identify_layouts(project: Project) -> None:
    text = """\
    analytics.page();
    analytics.page("Pricing");
    analytics.page("Docs", "Guides");
    analytics.page("Docs", "Guides", { a: 1 });
    analytics.page({ b: 1 });
    analytics.page(name, props);
    analytics.identify("u", { email: "e" });
    analytics.identify({ email: "e" });
    analytics.identify({ userId: "u", traits: { email: "e" } });
    analytics.group("g", { name: "n" });
    analytics.screen("Home", { c: 1 });
    """
    project.write("a.js", text)
    _, document = project.scan_json("plans", "a.js")
    calls = [(c["kind"], c["event"], c["properties"]) for c in document["summary"]["calls"]]
    assert calls == [
        ("page", None, None),
        ("page", "Pricing", None),
        ("page", "Guides", None),
        ("page", "Guides", ["a"]),
        ("page", None, ["b"]),
        ("page", None, None),
        ("identify", None, ["email"]),
        ("identify", None, ["email"]),
        ("identify", None, ["email"]),
        ("group", None, ["name"]),
        ("screen", "Home", ["c"]),
    ]


def test_calls_that_look_alike_but_are_not_sdk_calls(project: Project) -> None:
    text = """\
    (window as any).analytics!.track("Order Completed", { order_id: "o" });
    myanalytics.track("A Happened");
    analytics.trackLink(el, "B Happened");
    analytics_track("C Happened");
    track("D Happened");
    const analytics = { track: () => 1 };
    analytics.track("Order Completed", { order_id: "o" }).then(() => analytics.flush());
    """
    assert events(project, "a.ts", text) == ["Order Completed", "Order Completed"]
