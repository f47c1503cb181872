"""Every place a plan defines or uses a property, at every depth, for the rules that look at properties."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from trackplan.model import Origin, Plan, Pointer, Property, Section


class Scope(StrEnum):
    """The part of the plan a property belongs to."""

    SHARED = "shared"
    COMMON = "common"
    EVENT = "event"
    IDENTIFY = "identify"
    GROUP = "group"
    PAGE = "page"
    SCREEN = "screen"


@dataclass(frozen=True)
class Site:
    """A property where it is written: its scope, its event or section, and the enclosing names.

    `parents` holds the names of the properties it is nested in (`("products",)` for
    `products[].price`); `is_items` marks an array's `items` spec, which has no name of its own.
    """

    prop: Property
    scope: Scope
    owner: str = ""
    parents: tuple[str, ...] = ()
    is_items: bool = False

    @property
    def event(self) -> str:
        return self.owner if self.scope is Scope.EVENT else ""

    @property
    def top_level(self) -> bool:
        return not self.parents and not self.is_items

    def describe(self) -> str:
        """`property "plan"`, `trait "email"`, `property "products[].price"`."""
        noun = "trait" if self.scope in (Scope.IDENTIFY, Scope.GROUP) else "property"
        if self.scope is Scope.SHARED and self.top_level:
            noun = "shared property"
        return f'{noun} "{self.dotted_name()}"'

    def dotted_name(self) -> str:
        if self.is_items:
            return ".".join(self.parents) + "[]"
        return ".".join((*self.parents, self.prop.name))


def iter_sites(plan: Plan) -> Iterator[Site]:
    """Every property of the plan in plan order: shared, common, events, then the sections.

    A shared definition's nested properties appear again wherever it is used; use
    `unique_sites` to see each written definition once.
    """
    for prop in plan.shared:
        yield from _walk(prop, Scope.SHARED, "", ())
    for prop in plan.common:
        yield from _walk(prop, Scope.COMMON, "", ())
    for event in plan.events:
        for prop in event.properties:
            yield from _walk(prop, Scope.EVENT, event.name, ())
    for section, scope in _sections(plan):
        for prop in section.properties:
            yield from _walk(prop, scope, section.name, ())


def unique_sites(sites: Iterable[Site]) -> Iterator[Site]:
    """Each pointer once (the first time it is seen): a definition, not every use of it."""
    seen: set[Pointer] = set()
    for site in sites:
        if site.prop.pointer not in seen:
            seen.add(site.prop.pointer)
            yield site


def definitions(plan: Plan) -> Iterator[Site]:
    """The properties written with their own definition (not a bare use of a shared one), once each."""
    return (s for s in unique_sites(iter_sites(plan)) if s.prop.origin is Origin.LOCAL)


def _sections(plan: Plan) -> Iterator[tuple[Section, Scope]]:
    for single, scope in (
        (plan.identify, Scope.IDENTIFY),
        (plan.group, Scope.GROUP),
        (plan.page, Scope.PAGE),
    ):
        if single is not None:
            yield single, scope
    for page in plan.pages:
        yield page, Scope.PAGE
    if plan.screen is not None:
        yield plan.screen, Scope.SCREEN
    for screen in plan.screens:
        yield screen, Scope.SCREEN


def _walk(
    prop: Property, scope: Scope, owner: str, parents: tuple[str, ...], is_items: bool = False
) -> Iterator[Site]:
    yield Site(prop, scope, owner, parents, is_items)
    if is_items:
        # The item spec's own properties read as `products[].price`.
        inner = (*parents[:-1], f"{parents[-1]}[]") if parents else ("[]",)
    else:
        inner = (*parents, prop.name)
    if prop.items is not None:
        yield from _walk(prop.items, scope, owner, inner, is_items=True)
    for child in prop.properties:
        yield from _walk(child, scope, owner, inner)
