"""One side of a diff: a loaded plan, what to call it, and where its files and top-level keys are."""

from __future__ import annotations

from dataclasses import dataclass

from trackplan.loading.loader import LoadResult
from trackplan.loading.source import key_position
from trackplan.model import Location, Plan, Pointer


@dataclass(frozen=True)
class PlanSide:
    """A plan as compared: `label` names it for people (`main`, `plans/`, `the working tree`).

    `root` is the display path of the plan file or folder, so that files of the two sides can be
    matched by their path inside the plan. `revision` is set when the plan was read from git.
    """

    label: str
    result: LoadResult
    root: str
    revision: str = ""

    @property
    def plan(self) -> Plan:
        return self.result.plan

    def relative(self, file: str) -> str:
        """`file` relative to the plan root (`events/billing.yaml`); a one-file plan gives ""."""
        root = self.root.rstrip("/")
        if file == root:
            return ""
        prefix = root + "/" if root not in ("", ".") else ""
        return file[len(prefix) :] if file.startswith(prefix) else file

    def file_for(self, relative: str) -> str | None:
        """The display path of this side's file at `relative` inside the plan, if it has one."""
        for file in self.plan.files:
            if self.relative(file) == relative:
                return file
        return None

    def top_key_location(self, file: str, key: str) -> Location | None:
        """Where `file` writes the top-level `key` (`events:`), if it does."""
        for doc in self.result.documents:
            if doc.path == file:
                pos = key_position(doc.data, key)
                return Location(file, pos[0], pos[1]) if pos else Location(file, 1, 1)
        return None

    def locate(self, pointer: Pointer) -> Location:
        """The position of `pointer` or its nearest ancestor; the first file when none is known."""
        found = self.plan.locate(pointer)
        if found is not None:
            return found
        first = self.plan.files[0] if self.plan.files else self.root
        return Location(first, 1, 1)

    def show(self, location: Location) -> str:
        """`plans/a.yaml:12`, prefixed with the revision for plans read from git (`main:…`)."""
        where = f"{location.file}:{location.line}" if location.line else location.file
        return f"{self.revision}:{where}" if self.revision else where
