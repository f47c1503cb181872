"""The plan loader: every key of the plan format, the source map, TP1xx findings and fatal errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import SHARED, write

from trackplan.diagnostics import TrackplanError
from trackplan.loading.loader import load_plan, load_plan_texts
from trackplan.model import EventNaming, EventStatus, Origin, PolicyLevel, PropertyNaming

FULL = """
plan: Acme SaaS
version: 3.2.0
conventions:
  events: object-action
  properties: snake_case
policy:
  unplanned_events: error
  unplanned_properties: warn
properties:
  plan:
    type: string
    enum: [free, pro, enterprise]
    description: Current subscription tier.
  revenue:
    type: number
    minimum: 0
    description: Amount charged.
  currency:
    type: string
    pattern: "^[A-Z]{3}$"
  email:
    type: string
    format: email
    pii: true
bundles:
  commerce: [revenue, currency, plan]
common:
  properties:
    feature_area: {type: string}
    experiment_id: {type: [string, "null"]}
events:
  Purchase Completed:
    description: Payment succeeded.
    owner: growth
    tags: [revenue]
    bundles: [commerce]
    properties:
      revenue: {required: true}
      billing_period: {type: string, enum: [monthly, annual], required: true}
      items:
        type: array
        min_items: 1
        max_items: 50
        items:
          type: object
          properties:
            sku: {type: string, min_length: 1, max_length: 64, required: true}
            price: number
  Feature Used:
    description: A key feature was used.
    unplanned_properties: error
    properties:
      feature_name: {type: string, required: true, examples: [export]}
      action: string
      legacy: {type: boolean, deprecated: true}
  Signup Started:
    status: deprecated
    replaced_by: Sign Up Started
identify:
  traits:
    email: {required: true}
    plan: {}
    created_at: {type: string, format: date-time}
group:
  traits:
    name: {type: string, required: true}
    employees: {type: integer, minimum: 0}
page:
  properties:
    path: {type: string, required: true}
    url: {type: string, format: uri}
pages:
  Pricing:
    properties:
      plan_shown: {type: string}
screen:
  properties:
    screen_name: string
screens:
  Home:
    properties:
      tab: {type: string}
"""


def test_every_key_of_the_format_loads(tmp_path: Path) -> None:
    result = load_plan(write(tmp_path / "plan.yaml", FULL))
    assert result.diagnostics == ()
    plan = result.plan
    assert (plan.name, plan.version) == ("Acme SaaS", "3.2.0")
    assert plan.conventions.events is EventNaming.OBJECT_ACTION
    assert plan.conventions.properties is PropertyNaming.SNAKE_CASE
    assert plan.policy.unplanned_events is PolicyLevel.ERROR
    assert plan.bundles == {"commerce": ("revenue", "currency", "plan")}
    assert [p.name for p in plan.common] == ["feature_area", "experiment_id"]
    assert plan.common[1].types == ("string", "null")

    purchase = plan.event("Purchase Completed")
    assert purchase is not None
    assert (purchase.owner, purchase.tags, purchase.bundles) == (
        "growth",
        ("revenue",),
        ("commerce",),
    )
    names = [p.name for p in purchase.properties]
    assert names == ["currency", "plan", "revenue", "billing_period", "items"]
    revenue = purchase.property("revenue")
    assert revenue is not None
    assert (revenue.types, revenue.required, revenue.minimum) == (("number",), True, 0)
    assert revenue.origin is Origin.SHARED and revenue.local_keys == {"required"}
    currency = purchase.property("currency")
    assert currency is not None and currency.bundle == "commerce" and not currency.required
    items = purchase.property("items")
    assert items is not None and items.items is not None
    assert (items.min_items, items.max_items) == (1, 50)
    sku = items.items.child("sku")
    assert sku is not None and (sku.min_length, sku.max_length, sku.required) == (1, 64, True)
    price = items.items.child("price")
    assert price is not None and price.types == ("number",)

    feature = plan.event("Feature Used")
    assert feature is not None and feature.unplanned_properties is PolicyLevel.ERROR
    action = feature.property("action")
    assert action is not None and action.types == ("string",)
    legacy = feature.property("legacy")
    assert legacy is not None and legacy.deprecated
    example = feature.property("feature_name")
    assert example is not None and example.examples == ("export",)

    old = plan.event("Signup Started")
    assert old is not None and old.status is EventStatus.DEPRECATED
    assert old.replaced_by == "Sign Up Started"

    assert plan.identify is not None
    email = plan.identify.property("email")
    assert email is not None and email.required and email.pii and email.format == "email"
    assert plan.group is not None and plan.group.property("name") is not None
    assert plan.page is not None and [s.name for s in plan.pages] == ["Pricing"]
    assert plan.screen is not None and [s.name for s in plan.screens] == ["Home"]


def test_source_map_knows_every_key(tmp_path: Path) -> None:
    plan = load_plan(write(tmp_path / "plan.yaml", FULL)).plan
    loc = plan.locate(("events", "Purchase Completed", "properties", "revenue"))
    assert loc is not None and loc.line == 38 and loc.column == 7
    nested = plan.locate(
        ("events", "Purchase Completed", "properties", "items", "items", "properties", "sku")
    )
    assert nested is not None and nested.line == 47


def test_event_properties_put_common_first_and_let_the_event_win(tmp_path: Path) -> None:
    plan = load_plan(write(tmp_path / "plan.yaml", FULL)).plan
    event = plan.event("Feature Used")
    assert event is not None
    assert [p.name for p in plan.event_properties(event)][:2] == ["feature_area", "experiment_id"]


def test_folder_of_files_merges_and_names_both_places_of_a_duplicate(tmp_path: Path) -> None:
    write(tmp_path / "plans" / "a.yaml", "events:\n  Order Completed: {description: x}\n")
    write(
        tmp_path / "plans" / "sub" / "b.yml",
        "plan: P\nevents:\n  Order Shipped: {}\n  Order Completed: {}\n",
    )
    result = load_plan(tmp_path / "plans")
    assert [e.name for e in result.plan.events] == ["Order Completed", "Order Shipped"]
    (dup,) = result.diagnostics
    assert dup.code == "TP104" and dup.line == 4
    assert dup.file.endswith("plans/sub/b.yml")
    assert "a.yaml:2" in dup.message


def test_misspelt_type_names_the_line_and_suggests(tmp_path: Path) -> None:
    text = "events:\n  Order Completed:\n    properties:\n      total:\n        required: true\n        type: nmber\n"
    (diag,) = load_plan(write(tmp_path / "plan.yaml", text)).diagnostics
    assert (diag.code, diag.line, diag.column) == ("TP103", 6, 15)
    assert "did you mean 'number'" in diag.hint


@pytest.mark.parametrize(
    ("snippet", "code", "hint"),
    [
        ("evnets: {}\n", "TP101", "did you mean 'events'"),
        ("events:\n  A B:\n    descriptoin: x\n", "TP101", "did you mean 'description'"),
        (
            "events:\n  A B:\n    properties:\n      x: {type: string, requird: true}\n",
            "TP101",
            "required",
        ),
        ("events:\n  A B:\n    properties:\n      x: {type: string, required: yes}\n", "TP102", ""),
        (
            "events:\n  A B:\n    properties:\n      x: {type: string, format: emial}\n",
            "TP107",
            "email",
        ),
        ("events:\n  A B:\n    status: retired\n", "TP107", ""),
        ("policy: {unplanned_events: eror}\n", "TP107", "error"),
        ("conventions: {events: title-case}\n", "TP107", "title"),
        ("events:\n  A B:\n    properties:\n      mystery: {required: true}\n", "TP105", ""),
        ("properties:\n  total: {description: x}\n", "TP105", ""),
        (
            "events:\n  A B:\n    bundles: [comerce]\nbundles:\n  commerce: []\n",
            "TP106",
            "commerce",
        ),
        ("properties:\n  a: string\nbundles:\n  b: [a, c]\n", "TP106", ""),
        ("version: 1.0\n", "TP108", "1.0.0"),
        ("version: v2\n", "TP108", ""),
        ("events: [a, b]\n", "TP102", ""),
        (
            "events:\n  A B:\n    properties:\n      x: {type: string, min_length: -1}\n",
            "TP102",
            "",
        ),
        ("events:\n  A B:\n    properties:\n      x: {type: number, minimum: true}\n", "TP102", ""),
        ("events:\n  A B:\n    properties:\n      x: {type: string, enum: []}\n", "TP102", ""),
        ("events:\n  A B:\n    properties:\n      x: 42\n", "TP102", ""),
        ("events:\n  A B:\n    properties:\n      x: [string, nmber]\n", "TP103", "number"),
    ],
)
def test_structural_problems_are_tp1xx_with_a_position(snippet: str, code: str, hint: str) -> None:
    result = load_plan_texts([("plan.yaml", snippet)])
    assert [d.code for d in result.diagnostics] == [code]
    diag = result.diagnostics[0]
    assert diag.file == "plan.yaml" and diag.line >= 1
    assert hint in diag.hint


def test_unquoted_null_in_a_type_list_means_the_null_type() -> None:
    result = load_plan_texts(
        [("p.yaml", "common:\n  properties:\n    x: {type: [string, null]}\n")]
    )
    assert result.diagnostics == ()
    assert result.plan.common[0].types == ("string", "null")


def test_empty_file_is_an_empty_plan() -> None:
    result = load_plan_texts([("p.yaml", "# nothing yet\n")])
    assert result.diagnostics == () and result.plan.events == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("events:\n  A: {\n", "p.yaml:3:1: invalid YAML"),
        ("events: {}\nevents: {}\n", 'p.yaml:2:1: duplicate key "events"'),
        ("- a\n- b\n", "p.yaml:1:1: the plan must be a mapping"),
        ("just text\n", "p.yaml:1:1: the plan must be a mapping"),
        (
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
            "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
            "anchors and aliases expand",
        ),
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", "p.yaml"),
    ],
)
def test_fatal_problems_raise_one_clear_line(text: str, expected: str) -> None:
    with pytest.raises(TrackplanError) as caught:
        load_plan_texts([("p.yaml", text)])
    message = str(caught.value)
    assert expected in message and "\n" not in message


def test_missing_path_and_empty_folder_and_bad_utf8(tmp_path: Path) -> None:
    with pytest.raises(TrackplanError, match="no such file or folder"):
        load_plan(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(TrackplanError, match=r"no \*\.yaml"):
        load_plan(tmp_path / "empty")
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"plan: caf\xe9\n")
    with pytest.raises(TrackplanError, match=":1:10: the file is not valid UTF-8"):
        load_plan(bad)


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(b"\xef\xbb\xbfplan: P\n")
    assert load_plan(path).plan.name == "P"


def test_the_complete_example_of_the_format_doc_loads_cleanly() -> None:
    doc = SHARED / "PLAN_FORMAT.md"
    if not doc.is_file():
        pytest.skip("../shared is not present")
    text = doc.read_text(encoding="utf-8")
    block = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    result = load_plan_texts([("example.yaml", block)])
    assert result.diagnostics == ()
    assert {e.name for e in result.plan.events} == {
        "Purchase Completed",
        "Feature Used",
        "Signup Started",
    }


def test_scalars_follow_yaml_1_2_so_yes_and_dates_stay_text() -> None:
    text = (
        "properties:\n"
        "  answer: {type: string, enum: [yes, no, on, off, 2024-01-01], description: x}\n"
        "  ratio: {type: number, enum: [0x10, 0o17, 1e3, -.5], description: x}\n"
    )
    plan = load_plan_texts([("p.yaml", text)]).plan
    answer, ratio = plan.shared
    assert answer.enum == ("yes", "no", "on", "off", "2024-01-01")
    assert ratio.enum == (16, 15, 1000.0, -0.5)


def test_merge_keys_and_aliases_are_honoured() -> None:
    text = (
        "properties:\n"
        "  base: &money {type: number, minimum: 0, description: Money.}\n"
        "  total:\n"
        "    <<: *money\n"
        "    description: Total.\n"
    )
    result = load_plan_texts([("p.yaml", text)])
    assert result.diagnostics == ()
    total = result.plan.shared_property("total")
    assert total is not None
    assert (total.types, total.minimum, total.description) == (("number",), 0, "Total.")
