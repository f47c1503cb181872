"""What an import or export could not carry over, collected as TP7xx warning diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field

from trackplan import codes
from trackplan.diagnostics import Diagnostic, Severity

CANNOT_EXPRESS = codes.CANNOT_EXPRESS
NAME_COLLISION = codes.NAME_COLLISION
SKIPPED = codes.SKIPPED_INPUT


DROPPED_HINT = "the rest was imported; add the rule by hand if your pipeline needs it"


@dataclass
class Findings:
    """A collector of warnings about one input, shared by the readers of that input.

    Mutable while a conversion runs; the result is the sorted, frozen `diagnostics()`.
    """

    file: str
    items: list[Diagnostic] = field(default_factory=list)

    def for_file(self, file: str) -> Findings:
        """A collector for another file that adds to the same list."""
        return Findings(file, self.items)

    def add(
        self, code: str, message: str, *, path: str = "", event: str = "", hint: str = ""
    ) -> None:
        self.items.append(
            Diagnostic(
                file=self.file,
                code=code,
                severity=Severity.WARNING,
                message=message,
                hint=hint,
                event=event,
                path=path,
            )
        )

    def cannot_express(
        self, message: str, *, path: str = "", event: str = "", hint: str = DROPPED_HINT
    ) -> None:
        self.add(CANNOT_EXPRESS, message, path=path, event=event, hint=hint)

    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return tuple(sorted(self.items))


def join_path(base: str, *parts: str | int) -> str:
    """`rules[3]` + `jsonSchema` + `properties` → `rules[3].jsonSchema.properties`."""
    out = base
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + (part or '""')
    return out
