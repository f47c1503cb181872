"""Properties that several sections define word for word become shared properties, used by name.

A property name qualifies when it appears in at least two places (events, common, identify,
group, pages, screens) and every definition is the same apart from `required`. Where it is used,
the definition becomes a reference: `{}`, or `{required: true}`. A name with differing
definitions stays local everywhere, so nothing changes meaning.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from trackplan.interop.imported import ImportedPlan
from trackplan.interop.properties import Spec

MIN_USES = 2


def share_properties(plan: ImportedPlan) -> ImportedPlan:
    """The plan with repeated identical properties moved to `shared`."""
    uses: dict[str, list[Spec]] = {}
    for props in _sites(plan):
        for name, spec in props.items():
            uses.setdefault(name, []).append(strip_required(spec))
    shared = {
        name: found[0]
        for name, found in uses.items()
        if len(found) >= MIN_USES and all(d == found[0] for d in found)
    }
    if not shared:
        return plan
    return replace(
        plan,
        shared=shared,
        common=_refer(plan.common, shared),
        sections=tuple(replace(s, properties=_refer(s.properties, shared)) for s in plan.sections),
    )


def strip_required(spec: Spec) -> Spec:
    """A spec without `required`: what a shared property holds."""
    return {k: v for k, v in spec.items() if k != "required"}


def _sites(plan: ImportedPlan) -> Iterator[Mapping[str, Spec]]:
    yield plan.common
    for section in plan.sections:
        yield section.properties


def _refer(props: Mapping[str, Spec], shared: Mapping[str, Spec]) -> dict[str, Spec]:
    return {
        name: ({"required": True} if spec.get("required") else {}) if name in shared else spec
        for name, spec in props.items()
    }
