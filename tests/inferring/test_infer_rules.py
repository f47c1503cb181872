"""What `infer` drafts from what it sees: types, required, enums, formats, nesting, sharing, names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.inferring.helpers import run_infer, track, validation_errors, write_log

from trackplan.inferring import observing
from trackplan.model import Plan, Property


def infer(
    tmp_path: Path, messages: list[dict[str, Any]], *args: str
) -> tuple[Plan, dict[str, Any]]:
    """Draft a plan from `messages`; check it loads and validates them; return it and the report."""
    log = write_log(tmp_path / "log.ndjson", messages)
    run = run_infer(str(log), "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    plan = run.plan()
    assert validation_errors(plan, messages) == []
    return plan, json.loads(run.stderr)


def prop(plan: Plan, event: str, name: str) -> Property:
    found = plan.event(event)
    assert found is not None, f"no event {event!r}"
    result = next((p for p in plan.event_properties(found) if p.name == name), None)
    assert result is not None, f"{event!r} has no {name!r}"
    return result


def test_types_unions_and_whole_numbers(tmp_path: Path) -> None:
    plan, _ = infer(
        tmp_path,
        [
            track("Order Completed", {"count": 1, "price": 2.0, "mixed": "a", "maybe": None}),
            track("Order Completed", {"count": 3.0, "price": 2.5, "mixed": 4, "maybe": "x"}),
            track("Order Completed", {"count": 5, "price": 7, "mixed": True, "maybe": "y"}),
        ],
    )
    assert prop(plan, "Order Completed", "count").types == ("integer",)
    assert prop(plan, "Order Completed", "price").types == ("number",)
    assert prop(plan, "Order Completed", "mixed").types == ("string", "integer", "boolean")
    assert prop(plan, "Order Completed", "maybe").types == ("string", "null")


def test_union_counts_show_in_comments(tmp_path: Path) -> None:
    log = write_log(
        tmp_path / "log.ndjson",
        [track("Order Completed", {"total": 3})] * 9 + [track("Order Completed", {"total": "3"})],
    )
    run = run_infer(str(log))
    assert "total: {type: [string, integer], required: true}  # string 1, integer 9" in run.stdout


def test_required_only_when_in_every_message(tmp_path: Path) -> None:
    plan, _ = infer(
        tmp_path,
        [
            track("Order Completed", {"order_id": "1", "coupon": "A"}),
            track("Order Completed", {"order_id": "2"}),
            track("Order Completed", {"order_id": "3", "coupon": None}),
        ],
    )
    assert prop(plan, "Order Completed", "order_id").required
    assert not prop(plan, "Order Completed", "coupon").required


def test_a_message_without_properties_makes_nothing_required(tmp_path: Path) -> None:
    plan, _ = infer(
        tmp_path, [track("Order Completed", {"order_id": "1"}), track("Order Completed")]
    )
    assert not prop(plan, "Order Completed", "order_id").required


def test_nested_objects_and_arrays(tmp_path: Path) -> None:
    plan, _ = infer(
        tmp_path,
        [
            track(
                "Order Completed",
                {
                    "products": [{"sku": "A", "price": 1}, {"sku": "B"}],
                    "shipping": {"address": {"city": "Oslo"}, "fast": True},
                    "tags": ["a", "b"],
                    "matrix": [[1, 2], [3]],
                    "empty": [],
                },
            ),
            track("Order Completed", {"products": [], "shipping": {"fast": False}, "tags": []}),
        ],
    )
    products = prop(plan, "Order Completed", "products")
    assert products.types == ("array",) and products.required
    assert products.items is not None and products.items.types == ("object",)
    sku, price = products.items.child("sku"), products.items.child("price")
    assert sku is not None and sku.required
    assert price is not None and not price.required
    shipping = prop(plan, "Order Completed", "shipping")
    fast, address = shipping.child("fast"), shipping.child("address")
    assert fast is not None and fast.required and fast.types == ("boolean",)
    assert address is not None and not address.required
    city = address.child("city")
    assert city is not None and city.required
    tags = prop(plan, "Order Completed", "tags")
    assert tags.items is not None and tags.items.types == ("string",)
    matrix = prop(plan, "Order Completed", "matrix")
    assert matrix.items is not None and matrix.items.items is not None
    assert matrix.items.items.types == ("integer",)
    empty = prop(plan, "Order Completed", "empty")
    assert empty.types == ("array",) and empty.items is None


def test_enums_for_low_cardinality_text(tmp_path: Path) -> None:
    messages = [
        track(
            "Plan Selected",
            {
                "plan": ["free", "pro", "team"][i % 3],
                "ratio": ["a", "b"][i % 2] if i < 19 else None,
                "many": f"v{i % 11}",
                "plan_id": ["p1", "p2"][i % 2],
                "mixed": ["x", 1][i % 2],
                "long": ("x" * 70) + str(i % 2),
            },
        )
        for i in range(20)
    ]
    plan, _ = infer(tmp_path, messages)
    assert prop(plan, "Plan Selected", "plan").enum == ("free", "pro", "team")
    assert prop(plan, "Plan Selected", "ratio").enum is None  # 19 text values: too few
    assert prop(plan, "Plan Selected", "many").enum is None  # 11 distinct values
    assert prop(plan, "Plan Selected", "plan_id").enum is None  # an identifier
    assert prop(plan, "Plan Selected", "mixed").enum is None  # not only text
    assert prop(plan, "Plan Selected", "long").enum is None  # free text
    plan, _ = infer(tmp_path, [*messages, track("Plan Selected", {"ratio": "a", "plan": None})])
    assert prop(plan, "Plan Selected", "ratio").enum == ("a", "b")
    plan_prop = prop(plan, "Plan Selected", "plan")
    assert plan_prop.enum == ("free", "pro", "team") and plan_prop.types == ("string", "null")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["2024-03-04T09:12:05.118Z", "2024-03-04T09:12:05+01:00"], "date-time"),
        (["2024-02-29", "2023-12-31"], "date"),
        (["dana@initech.example", "a.b+c@x.co"], "email"),
        (["https://acme.example/pricing?x=1", "http://a.example"], "uri"),
        (["5f3c8e21-7d4b-4a0e-9c1a-2b6f0e8d4a17", "5F3C8E21-7D4B-4A0E-9C1A-2B6F0E8D4A18"], "uuid"),
        (["2024-03-04T09:12:05Z", "2024-03-04"], None),
        (["2023-02-29"], None),
        (["dana@initech.example", "not an email"], None),
        (["https://acme.example/a b"], None),
    ],
)
def test_formats(tmp_path: Path, values: list[str], expected: str | None) -> None:
    plan, _ = infer(tmp_path, [track("Order Completed", {"value": v}) for v in values])
    drafted = prop(plan, "Order Completed", "value")
    assert drafted.format == expected
    assert drafted.pii is (expected == "email")  # an email address is personal data


def test_common_and_shared_properties(tmp_path: Path) -> None:
    plan, _ = infer(
        tmp_path,
        [
            track("Order Completed", {"area": "shop", "revenue": 10, "currency": "EUR"}),
            track("Cart Viewed", {"area": "shop", "currency": "EUR", "revenue": 1.5}),
            track("Search Done", {"area": "search", "query": "x"}),
            track("Search Done", {"area": None, "currency": 3}),
        ],
    )
    assert [p.name for p in plan.common] == ["area"]
    assert plan.common[0].types == ("string", "null") and plan.common[0].required
    assert [p.name for p in plan.shared] == ["currency", "revenue"]
    assert prop(plan, "Order Completed", "revenue").types == ("number",)
    assert prop(plan, "Cart Viewed", "currency").required
    local = prop(plan, "Search Done", "currency")  # another type: its own definition
    assert local.types == ("integer",) and local.local_keys >= {"type"}


def test_traits_pages_and_screens(tmp_path: Path) -> None:
    page = {"type": "page", "userId": "u"}
    plan, _ = infer(
        tmp_path,
        [
            {"type": "identify", "userId": "u", "traits": {"email": "a@b.example", "plan": "x"}},
            {"type": "identify", "userId": "u", "traits": {"email": "c@d.example"}},
            {"type": "group", "userId": "u", "groupId": "g", "traits": {"name": "Initech"}},
            {**page, "name": "Pricing", "properties": {"path": "/pricing", "toggle": "annual"}},
            {**page, "name": "Home", "properties": {"path": "/"}},
            {**page, "properties": {"path": "/x"}},
            {"type": "screen", "userId": "u", "name": "Home", "properties": {"tab": "a"}},
            {"type": "alias", "userId": "u", "previousId": "v"},
        ],
    )
    assert plan.identify is not None and plan.group is not None
    email, trait_plan = plan.identify.property("email"), plan.identify.property("plan")
    assert email is not None and email.required and email.format == "email"
    assert trait_plan is not None and not trait_plan.required
    assert plan.page is not None and [p.name for p in plan.page.properties] == ["path"]
    pricing = next(s for s in plan.pages if s.name == "Pricing")
    assert [p.name for p in pricing.properties] == ["toggle"]
    assert plan.screen is not None and [p.name for p in plan.screen.properties] == ["tab"]
    assert [s.name for s in plan.screens] == ["Home"]


def test_naming_findings(tmp_path: Path) -> None:
    _, report = infer(
        tmp_path,
        [
            track("Order Completed", {"user_id": "1"}),
            track("Order Completed", {"user_id": "2"}),
            track("order_completed", {"userId": "3", "Bad Name": 1}),
            track("Checkout Started", {"userId": "1"}),
        ],
    )
    found = {(d["code"], d["message"]) for d in report["diagnostics"]}
    assert (
        "TP310",
        'event name "order_completed" is not Object Action in Title Case: it is snake_case',
    ) in found
    assert any(code == "TP801" and '"userId"' in msg for code, msg in found)
    assert any(code == "TP801" and '"Bad Name"' in msg for code, msg in found)
    assert (
        "TP802",
        'event names "order_completed" (1) and "Order Completed" (2) look like one name written'
        " twice (same after normalising case and separators)",
    ) in found
    assert (
        "TP802",
        'property names "user_id" (2) and "userId" (2) look like one name written twice'
        " (same after normalising case and separators)",
    ) in found
    naming = next(d for d in report["diagnostics"] if d["code"] == "TP310")
    assert (naming["line"], naming["event"], naming["severity"]) == (
        3,
        "order_completed",
        "warning",
    )
    assert naming["hint"] == 'rename to "Order Completed"'


def test_the_property_convention_follows_the_data_unless_given(tmp_path: Path) -> None:
    messages = [track("Order Completed", {"orderId": "1", "userId": "2", "plan": "x"})]
    plan, report = infer(tmp_path, messages)
    assert plan.conventions.properties.value == "camelCase"
    assert not [d for d in report["diagnostics"] if d["code"] == "TP801"]
    plan, report = infer(tmp_path, messages, "--property-convention", "snake_case")
    assert plan.conventions.properties.value == "snake_case"
    assert len([d for d in report["diagnostics"] if d["code"] == "TP801"]) == 2


def test_hostile_names_survive_the_round_trip(tmp_path: Path) -> None:
    names = [
        "42_--terrible==\"event'++name~!3",
        "<script>alert('x')</script>",
        "a: b # c",
        "line\nbreak",
        "null",
        "- dash",
        "x" * 300,
        "nel\x85 ls\u2028 bom\ufeff us\x1f del\x7f cr\r nul\x00 tab\t",
        "\u00e9v\u00e9nement \U0001f600",
    ]
    messages = [track(name, {name: name, "ok": names[i % 3]}) for name in names for i in range(3)]
    plan, _ = infer(tmp_path, messages * 3, "--event-convention", "any")
    assert {e.name for e in plan.events} == set(names)
    for name in names:
        assert prop(plan, name, name).types == ("string",)
    short = [name for name in names if len(name) <= 64]
    plan, _ = infer(tmp_path, [track("Odd", {"v": short[i % len(short)]}) for i in range(45)])
    assert prop(plan, "Odd", "v").enum == tuple(sorted(short))


def test_caps_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(observing, "MAX_FIELDS", 2)
    monkeypatch.setattr(observing, "MAX_DEPTH", 2)
    log = write_log(
        tmp_path / "log.ndjson",
        [track("Order Completed", {"a": 1, "b": {"c": {"d": 1}}, "c": 3, "": 4})],
    )
    run = run_infer(str(log), "--format", "json")
    report = json.loads(run.stderr)
    messages = sorted(d["message"] for d in report["diagnostics"] if d["code"] == "TP803")
    assert messages == [
        "the log has a key that is an empty text; that part is left out of the draft",
        "the log has objects nested deeper than 2 levels; that part is left out of the draft",
        "the log has objects with more than 2 keys; that part is left out of the draft",
    ]
    event = run.plan().event("Order Completed")
    assert event is not None and [p.name for p in event.properties] == ["a", "b"]
