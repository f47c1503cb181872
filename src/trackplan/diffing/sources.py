"""Turning a diff argument into a loaded plan: a plan file or folder, else a git revision.

An argument that exists on disk is a path; anything else must name a commit
(`git rev-parse --verify NAME^{commit}`), and the plan is read at that commit from the
configured plan path. Write `main^0` to mean the revision when a file called `main` exists.
Both plans must load without TP1xx errors: a diff of a broken plan would be a guess.
"""

from __future__ import annotations

from pathlib import Path

from trackplan.diagnostics import Severity, TrackplanError
from trackplan.diffing.sides import PlanSide
from trackplan.files import display_path
from trackplan.loading.gitrev import read_plan_files
from trackplan.loading.loader import LoadResult, load_plan, load_plan_texts


def load_side(spec: str | None, plan: Path, cwd: Path | None = None) -> PlanSide:
    """The plan `spec` names (a path or a git revision); None means the plan at `plan`."""
    here = cwd or Path.cwd()
    if spec is None or (here / spec).exists():
        path = plan if spec is None else here / spec
        shown = display_path(path, here)
        result = load_plan(path, here)
        _require_loadable(result, "")
        label = shown + "/" if path.is_dir() and not shown.endswith("/") else shown
        return PlanSide(label=label, result=result, root=shown)
    files = read_plan_files(spec, plan, here)
    try:
        result = load_plan_texts([(f.path, f.text) for f in files])
    except TrackplanError as exc:
        raise TrackplanError(f"{exc} (at revision {spec!r})") from None
    _require_loadable(result, spec)
    return PlanSide(label=spec, result=result, root=display_path(plan, here), revision=spec)


def _require_loadable(result: LoadResult, revision: str) -> None:
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if not errors:
        return
    first = errors[0]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    where = f" at revision {revision!r}" if revision else ""
    raise TrackplanError(
        f"{first.location()}: {first.code} {first.message}{more}{where}; a plan must load"
        " before it can be compared (run `trackplan lint`)"
    )
