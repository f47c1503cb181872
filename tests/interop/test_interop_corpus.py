"""Every plan of the shared corpus imports, loads without TP1xx, compiles and round-trips.

import → export segment → import segment must give the same YAML (apart from the header).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from tests.conftest import run_cli
from tests.interop.helpers import load_text, without_header

from trackplan.compiling.schemas import compile_plan

# (command, corpus paths, expected number of track events)
CASES = [
    ("segment", ["segment-typewriter/e2e-plan-public-api.json"], 25),
    ("segment", ["segment-typewriter/e2e-plan-v1-config-api.json"], 24),
    ("segment", ["segment-typewriter/telemetry-plan.json"], 6),
    ("segment", ["segment-typewriter/local-tracking-plan-order-completed-2019.json"], 1),
    ("segment", ["segment-typewriter/local-tracking-plan-slothgram-2019.json"], 3),
    ("segment", ["segment-typewriter/tracking-plan-fixture-2019.json"], 7),
    ("segment", ["segment-typewriter/example-plan-2022.json"], 4),
    ("rudderstack", ["rudderstack-typewriter/sample-tracking-plan-1.json"], 1),
    ("rudderstack", ["rudderstack-typewriter/android-kotlin-e2e-plan.json"], 1),
    (
        "jsonschema",
        [
            f"rudderstack-typewriter/schema-{name}.json"
            for name in ("basicTypes", "enums", "nested", "nulls", "required", "unions")
        ],
        6,
    ),
    ("jsonschema", ["iglu-central/schemas"], 76),
    ("jsonschema", ["iglu-central/schemas/com.segment"], 7),
    ("jsonschema", ["iglu-central/schemas/io.snowplow.ecomm"], 42),
    ("jsonschema", ["iglu-central/schemas/com.snowplowanalytics.snowplow.ecommerce"], 10),
    ("jsonschema", ["iglu-central/schemas/com.snowplowanalytics.snowplow"], 12),
    ("jsonschema", ["iglu-central/schemas/com.google.analytics.enhanced-ecommerce"], 5),
]


@pytest.mark.parametrize(
    ("command", "paths", "events"), CASES, ids=[f"{c}:{Path(p[0]).name}" for c, p, _ in CASES]
)
def test_corpus_plan_imports_compiles_and_round_trips(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    paths: list[str],
    events: int,
) -> None:
    monkeypatch.chdir(tmp_path)
    first = run_cli("import", command, *[str(corpus / p) for p in paths])
    assert first.exit_code == 0, first.stderr
    loaded = load_text(first.stdout)
    assert len(loaded.plan.events) == events
    for compiled in compile_plan(loaded.plan):
        jsonschema.Draft7Validator.check_schema(compiled.schema)

    (tmp_path / "plan.yaml").write_text(first.stdout, encoding="utf-8")
    exported = run_cli("export", "segment", "plan.yaml", "--out", "segment.json")
    assert exported.exit_code == 0, exported.stderr
    again = run_cli("import", "segment", "segment.json")
    assert again.exit_code == 0, again.stderr
    assert "No problems found." in again.stderr
    assert without_header(again.stdout) == without_header(first.stdout)


def test_hostile_names_survive_exactly(corpus: Path) -> None:
    public = run_cli(
        "import", "segment", str(corpus / "segment-typewriter/e2e-plan-public-api.json")
    )
    names = {e.name for e in load_text(public.stdout).plan.events}
    assert "42_--terrible==\\\"event'++name~!3" in names
    assert {"Event Collided", "event_collided", "NoID Type"} <= names
    fixture = run_cli(
        "import", "segment", str(corpus / "segment-typewriter/tracking-plan-fixture-2019.json")
    )
    plan = load_text(fixture.stdout).plan
    assert {"42_--terrible==\"event'++name~!3", "check_in", "checkin"} <= {
        e.name for e in plan.events
    }
    event = plan.event("42_--terrible==\"event'++name~!3")
    assert event is not None and event.property("0000---terrible-property-name~!3") is not None


def test_rudderstack_sections_and_policy(corpus: Path) -> None:
    result = run_cli(
        "import", "rudderstack", str(corpus / "rudderstack-typewriter/sample-tracking-plan-1.json")
    )
    plan = load_text(result.stdout).plan
    assert plan.policy.unplanned_properties.value == "error"
    for section in (plan.identify, plan.group, plan.page, plan.screen):
        assert section is not None and section.property("Sample property 1") is not None
    assert plan.events[0].property("Sample property 1") is not None


def test_config_api_labels_become_tags(corpus: Path) -> None:
    result = run_cli(
        "import", "segment", str(corpus / "segment-typewriter/e2e-plan-v1-config-api.json")
    )
    event = load_text(result.stdout).plan.event("42_--terrible==\\\"event'++name~!3")
    assert event is not None and event.tags == ("area:account", "type:contacts")


def test_iglu_versions_and_vendor_collisions(corpus: Path) -> None:
    result = run_cli(
        "import", "jsonschema", str(corpus / "iglu-central/schemas"), "--format", "json"
    )
    report = json.loads(result.stderr)
    collisions = [d for d in report["diagnostics"] if d["code"] == "TP702"]
    # 5 older versions skipped, 5 names shared by two vendors (both renamed).
    assert len(collisions) == 15
    assert all(d["severity"] == "warning" for d in report["diagnostics"])
    names = {e.name for e in load_text(result.stdout).plan.events}
    assert {"io.snowplow.ecomm/cart", "com.snowplowanalytics.snowplow.ecommerce/cart"} <= names
    assert {"link_click", "application_error", "snowplow_ecommerce_action"} <= names
    assert "cart" not in names
