"""Start-up cost: a command loads only what it needs; the command list and help stay complete."""

from __future__ import annotations

import subprocess
import sys

# What `trackplan validate --format json` must not load before it meets an invalid message:
# the other commands' cores, the reference checkers, and rich (only text output needs it).
HEAVY = (
    "tree_sitter",
    "trackplan.scanning",
    "trackplan.diffing",
    "trackplan.linting.engine",
    "trackplan.inferring",
    "trackplan.interop",
    "trackplan.formatting",
    "trackplan.catalog",
    "jsonschema",
    "jsonschema_rs",
    "rich",
    "trackplan.reporting.text",
)


def _loaded_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint('--modules--', *sorted(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(done.stdout.rsplit("--modules--", 1)[1].split())


def test_validate_of_conforming_messages_loads_no_other_command() -> None:
    from tests.conftest import REPO

    log = REPO / "examples" / "events.ndjson"
    loaded = _loaded_after(
        "from trackplan.cli import app\n"
        f"sys.argv = ['trackplan', 'validate', {str(REPO / 'plans')!r}, {str(log)!r},"
        " '--format', 'json', '--jobs', '1']\n"
        "try:\n    app()\nexcept SystemExit:\n    pass"
    )
    found = sorted(m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert found == []


def test_scan_help_names_every_sdk_preset() -> None:
    from trackplan.cli.scan import SDK_NAMES
    from trackplan.scanning.sdks import SDKS

    assert tuple(SDK_NAMES) == tuple(SDKS)
