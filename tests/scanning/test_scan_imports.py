"""Event names imported from a constants module: the certain cases resolve, the rest stay TP404.

A small project with constants modules in TypeScript, JavaScript and Python, and importers
that use them every supported way (named, aliased, namespace, folder index, enum, class
constants, relative and absolute Python imports), next to the cases that must not resolve
(bare packages, re-export chains, default exports, computed values, ambiguous files).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.scanning.conftest import Project

import trackplan.scanning.pool as pool

EVENTS_TS = """\
export const EVENTS = {
  ORDER_COMPLETED: 'Order Completed',
  REPORT_EXPORTED: 'Report Exported',
  TYPO: 'Order Complted',
} as const;
export const ORDER = 'Order Completed';
export enum Kind { Report = 'Report Exported' }
const LOCAL = 'Order Completed';
export { LOCAL as RENAMED };
export const COMPUTED = makeName();
export { EVENTS as AGAIN } from './other';
export default 'Order Completed';
"""

INDEX_JS = """\
export const EVENTS = { REPORT: 'Report Exported' };
import { ORDER } from '../events';
export const CHAINED = ORDER;
"""

CHECKOUT_TS = """\
import { EVENTS, ORDER, Kind, RENAMED, COMPUTED, AGAIN } from './events';
import { EVENTS as E } from './events.js';
import * as Events from './events';
import DEFAULT from './events';
import { EVENTS as INDEXED, CHAINED } from './analytics';
import { EVENTS as PKG } from 'some-npm-pkg';
import type { Names } from './events';

analytics.track(EVENTS.ORDER_COMPLETED, { order_id: 'o-1' });
analytics.track(E.REPORT_EXPORTED, { format: 'csv' });
analytics.track(Events.ORDER, { order_id: 'o-2' });
analytics.track(Events.EVENTS.REPORT_EXPORTED, { format: 'pdf' });
analytics.track(Kind.Report, { format: 'csv' });
analytics.track(RENAMED, { order_id: 'o-3' });
analytics.track(INDEXED.REPORT, { format: 'xls' });
analytics.track(EVENTS.TYPO, { order_id: 'o-4' });
analytics.track(COMPUTED, {});
analytics.track(AGAIN.ORDER_COMPLETED, {});
analytics.track(DEFAULT, {});
analytics.track(CHAINED, {});
analytics.track(PKG.ORDER, {});
analytics.track(Names, {});
"""

AMBIGUOUS_JS = """\
import { ORDER } from './twin';
analytics.track(ORDER, {});
"""

EVENTS_PY = """\
ORDER_COMPLETED = "Order Completed"


class Events:
    REPORT_EXPORTED = "Report Exported"


from .elsewhere import FORWARDED
COMPUTED = make_name()
"""

SERVICE_PY = """\
from .events import ORDER_COMPLETED, FORWARDED, COMPUTED
from .events import ORDER_COMPLETED as DONE
from app.analytics.events import Events
from requests import ORDER


def send(user_id):
    analytics.track(user_id, ORDER_COMPLETED, {"order_id": "o-1"})
    analytics.track(user_id, DONE, {"order_id": "o-2"})
    analytics.track(user_id, Events.REPORT_EXPORTED, {"format": "pdf"})
    analytics.track(user_id, FORWARDED, {})
    analytics.track(user_id, COMPUTED, {})
    analytics.track(user_id, ORDER, {})


def shadowed(ORDER_COMPLETED):
    analytics.track("u", ORDER_COMPLETED, {})
"""


def build(project: Project) -> None:
    project.write("web/events.ts", EVENTS_TS)
    project.write("web/analytics/index.js", INDEX_JS)
    project.write("web/checkout.ts", CHECKOUT_TS)
    project.write("web/twin.ts", "export const ORDER = 'Order Completed';\n")
    project.write("web/twin.js", "export const ORDER = 'Order Completed';\n")
    project.write("web/ambiguous.js", AMBIGUOUS_JS)
    project.write("app/__init__.py", "")
    project.write("app/analytics/__init__.py", "")
    project.write("app/analytics/events.py", EVENTS_PY)
    project.write("app/analytics/service.py", SERVICE_PY)


EXPECTED = [
    ("app/analytics/service.py", 11, "TP404"),  # FORWARDED: a second hop
    ("app/analytics/service.py", 12, "TP404"),  # COMPUTED: a call
    ("app/analytics/service.py", 13, "TP404"),  # a bare package
    ("app/analytics/service.py", 17, "TP404"),  # a parameter shadows the import
    ("web/ambiguous.js", 2, "TP404"),  # twin.ts and twin.js
    ("web/checkout.ts", 15, "TP403"),  # resolved through index.js: 'xls' is not in the enum
    ("web/checkout.ts", 16, "TP401"),  # resolved: 'Order Complted' is not planned
    ("web/checkout.ts", 17, "TP404"),  # computed
    ("web/checkout.ts", 18, "TP404"),  # a re-export from another module
    ("web/checkout.ts", 19, "TP404"),  # export default
    ("web/checkout.ts", 20, "TP404"),  # the index module's own import: a second hop
    ("web/checkout.ts", 21, "TP404"),  # a bare package
    ("web/checkout.ts", 22, "TP404"),  # import type
]


def findings(project: Project, *args: str) -> tuple[list[tuple[str, int, str]], list[object]]:
    _, document = project.scan_json("plans", *args)
    found = [
        (d["file"], d["line"], d["code"]) for d in document["diagnostics"] if d["code"] != "TP405"
    ]
    events = [(c["file"], c["line"], c["event"]) for c in document["summary"]["calls"]]
    return found, events


def test_imported_constants_resolve_only_when_certain(project: Project) -> None:
    build(project)
    found, events = findings(project, "web", "app")
    assert found == EXPECTED
    resolved = {(file, line): event for file, line, event in events}
    assert resolved[("web/checkout.ts", 9)] == "Order Completed"
    assert resolved[("web/checkout.ts", 10)] == "Report Exported"  # aliased, `./events.js`
    assert resolved[("web/checkout.ts", 11)] == "Order Completed"  # namespace
    assert resolved[("web/checkout.ts", 12)] == "Report Exported"
    assert resolved[("web/checkout.ts", 13)] == "Report Exported"  # enum
    assert resolved[("web/checkout.ts", 14)] == "Order Completed"  # `export { X as Y }`
    assert resolved[("app/analytics/service.py", 8)] == "Order Completed"
    assert resolved[("app/analytics/service.py", 9)] == "Order Completed"
    assert resolved[("app/analytics/service.py", 10)] == "Report Exported"  # absolute import


def test_worker_processes_resolve_the_same(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(project)
    expected = findings(project, "web", "app", "--jobs", "1")
    monkeypatch.setattr(pool, "POOL_THRESHOLD", 1)
    assert findings(project, "web", "app", "--jobs", "2") == expected


def test_absolute_python_import_resolves_from_the_scan_root(project: Project) -> None:
    # No __init__.py: only the scan root tells where `lib` is.
    project.write("src/lib/names.py", 'ORDER = "Order Completed"\n')
    project.write(
        "src/jobs/run.py",
        'from lib.names import ORDER\nanalytics.track("u", ORDER, {"order_id": "1"})\n',
    )
    found, events = findings(project, "src")
    assert found == []
    assert events == [("src/jobs/run.py", 2, "Order Completed")]


def test_broken_or_missing_constants_module_stays_unknown(project: Project) -> None:
    project.write("web/names.ts", "export const ORDER = 'Order Completed'\nexport const = ;\n")
    project.write(
        "web/page.ts",
        "import { ORDER } from './names';\nimport { X } from './missing';\n"
        "analytics.track(ORDER, {});\nanalytics.track(X, {});\n",
    )
    found, _ = findings(project, "web/page.ts")
    assert found == [("web/page.ts", 3, "TP404"), ("web/page.ts", 4, "TP404")]


def test_imported_properties_object_is_reported_where_it_is_used(project: Project) -> None:
    project.write("web/props.ts", "export const BASE = { order_id: 'o', colour: 'red' };\n")
    project.write(
        "web/page.ts",
        "import { BASE } from './props';\n\nanalytics.track('Order Completed', BASE);\n",
    )
    found, _ = findings(project, "web")
    assert found == [("web/page.ts", 3, "TP407")]  # `colour` is not planned


def test_a_plan_comment_silences_never_called(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`# trackplan: ignore[TP405]` on an event: sent from elsewhere, so scan does not ask."""
    from tests.conftest import run_cli, write

    monkeypatch.chdir(tmp_path)
    write(
        tmp_path / "plan.yaml",
        """
        events:
          Order Completed:  # trackplan: ignore[TP405]
            description: Sent by the billing service, in another repository.
          Order Refunded:
            description: Money back.
    """,
    )
    write(tmp_path / "src" / "app.js", "analytics.track('Order Shipped', {});\n")
    result = run_cli("scan", "plan.yaml", "src", "--format", "json", "--jobs", "1")
    never = [d["event"] for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "TP405"]
    assert never == ["Order Refunded"]
    assert run_cli("lint", "plan.yaml", "--select", "TP216").exit_code == 0
