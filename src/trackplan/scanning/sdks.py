"""SDK presets and the team's own wrappers as call rules: which callee is which call, with what arguments.

A rule matches a call whose callee ends with the rule's path: `("analytics", "track")` matches
`analytics.track(...)`, `window.analytics.track(...)`, `this.analytics?.track(...)`; a wrapper
`trackEvent` matches `trackEvent(...)` and `utils.trackEvent(...)`. The longest matching path
wins, and a wrapper wins a tie, so a team can redefine a preset's call.

Presets (`[tool.trackplan.scan] sdks`, default: all of them):

| preset | objects | calls |
|---|---|---|
| segment | `analytics` | track, identify, page, group, screen |
| rudderstack | `rudderanalytics` (JS), `rudder_analytics` (Python) | as Segment |
| posthog | `posthog` | capture, identify, group (JS); capture, identify, group_identify (Python) |
| mixpanel | `mixpanel` | track, identify, people.set, track_pageview (JS); track, people_set (Python) |
| amplitude | `amplitude` | track, logEvent (JS; `amplitude.getInstance().logEvent` too) |
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from trackplan.config import Wrapper
from trackplan.diagnostics import TrackplanError
from trackplan.naming import did_you_mean
from trackplan.scanning.languages import Family
from trackplan.scanning.sites import CallKind

SDKS = ("segment", "rudderstack", "posthog", "mixpanel", "amplitude")
WRAPPER_SDK = "wrapper"
# Segments a callee path may hold that do not change which object is called.
_TRANSPARENT = frozenset({"getInstance()"})
_DOTTED_NAME = re.compile(r"^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$")


class Layout(StrEnum):
    """How a call's arguments carry the event (or page name) and the properties (or traits)."""

    POSITIONAL = "positional"  # the rule's `event` and `properties` arguments
    SEGMENT_TRACK = "segment-track"  # track(event, props) or track({event, properties, ...})
    SEGMENT_IDENTIFY = "segment-identify"  # identify([id], traits) or identify({userId, traits})
    SEGMENT_GROUP = "segment-group"  # group(id, traits) or group({groupId, traits})
    SEGMENT_PAGE = "segment-page"  # page([category], [name], [props]) or page({name, properties})
    SEGMENT_SCREEN = "segment-screen"  # screen(name, props) or screen({name, properties})
    AMPLITUDE_TRACK = (
        "amplitude-track"  # track(type, props) or track({event_type, event_properties})
    )
    POSTHOG_CAPTURE = "posthog-capture"  # capture(event, props); `$pageview` is a page
    POSTHOG_CAPTURE_PY = "posthog-capture-py"  # capture([distinct_id], event, properties=...)
    PEOPLE_SET = "people-set"  # people.set({traits}) or people.set('trait', value)


@dataclass(frozen=True)
class Arg:
    """Where an argument is: a position, and/or a name.

    In Python the name is a keyword argument; in JavaScript, a key of an object literal
    passed as the first argument (the options-object style of server SDKs and wrappers).
    """

    position: int | None = None
    name: str | None = None


@dataclass(frozen=True)
class Rule:
    """One recognised call: the callee path it ends with, what it sends and how it is written."""

    sdk: str
    kind: CallKind
    path: tuple[str, ...]
    layout: Layout = Layout.POSITIONAL
    event: Arg | None = None
    properties: Arg | None = None

    @property
    def anchor(self) -> str:
        """The name the byte prefilter looks for: the SDK object, or a wrapper's longest part."""
        if self.sdk == WRAPPER_SDK:
            return max(self.path, key=len)
        return self.path[0]


def _segment_like(sdk: str, obj: str) -> list[Rule]:
    # analytics.js: every call also has a server-side form with one object argument.
    return [
        Rule(sdk, CallKind.TRACK, (obj, "track"), Layout.SEGMENT_TRACK),
        Rule(sdk, CallKind.IDENTIFY, (obj, "identify"), Layout.SEGMENT_IDENTIFY),
        Rule(sdk, CallKind.GROUP, (obj, "group"), Layout.SEGMENT_GROUP),
        Rule(sdk, CallKind.PAGE, (obj, "page"), Layout.SEGMENT_PAGE),
        Rule(sdk, CallKind.SCREEN, (obj, "screen"), Layout.SEGMENT_SCREEN),
    ]


def _segment_like_python(sdk: str, obj: str) -> list[Rule]:
    # analytics-python: track(user_id, event, properties), identify(user_id, traits),
    # group(user_id, group_id, traits), page/screen(user_id, category, name, properties).
    return [
        Rule(
            sdk,
            CallKind.TRACK,
            (obj, "track"),
            event=Arg(1, "event"),
            properties=Arg(2, "properties"),
        ),
        Rule(sdk, CallKind.IDENTIFY, (obj, "identify"), properties=Arg(1, "traits")),
        Rule(sdk, CallKind.GROUP, (obj, "group"), properties=Arg(2, "traits")),
        Rule(
            sdk, CallKind.PAGE, (obj, "page"), event=Arg(2, "name"), properties=Arg(3, "properties")
        ),
        Rule(
            sdk,
            CallKind.SCREEN,
            (obj, "screen"),
            event=Arg(2, "name"),
            properties=Arg(3, "properties"),
        ),
    ]


PRESETS: dict[Family, tuple[Rule, ...]] = {
    Family.JAVASCRIPT: (
        *_segment_like("segment", "analytics"),
        *_segment_like("rudderstack", "rudderanalytics"),
        Rule(
            "posthog",
            CallKind.TRACK,
            ("posthog", "capture"),
            Layout.POSTHOG_CAPTURE,
            Arg(0),
            Arg(1),
        ),
        Rule("posthog", CallKind.IDENTIFY, ("posthog", "identify"), properties=Arg(1)),
        Rule("posthog", CallKind.GROUP, ("posthog", "group"), properties=Arg(2)),
        Rule("mixpanel", CallKind.TRACK, ("mixpanel", "track"), event=Arg(0), properties=Arg(1)),
        Rule("mixpanel", CallKind.IDENTIFY, ("mixpanel", "identify")),
        Rule("mixpanel", CallKind.IDENTIFY, ("mixpanel", "people", "set"), Layout.PEOPLE_SET),
        Rule("mixpanel", CallKind.PAGE, ("mixpanel", "track_pageview"), properties=Arg(0)),
        Rule("amplitude", CallKind.TRACK, ("amplitude", "track"), Layout.AMPLITUDE_TRACK),
        Rule("amplitude", CallKind.TRACK, ("amplitude", "logEvent"), Layout.AMPLITUDE_TRACK),
    ),
    Family.PYTHON: (
        *_segment_like_python("segment", "analytics"),
        *_segment_like_python("rudderstack", "rudder_analytics"),
        Rule(
            "posthog",
            CallKind.TRACK,
            ("posthog", "capture"),
            Layout.POSTHOG_CAPTURE_PY,
            Arg(None, "event"),
            Arg(None, "properties"),
        ),
        Rule(
            "posthog", CallKind.IDENTIFY, ("posthog", "identify"), properties=Arg(1, "properties")
        ),
        Rule(
            "posthog",
            CallKind.GROUP,
            ("posthog", "group_identify"),
            properties=Arg(2, "properties"),
        ),
        Rule(
            "mixpanel",
            CallKind.TRACK,
            ("mixpanel", "track"),
            event=Arg(1, "event_name"),
            properties=Arg(2, "properties"),
        ),
        Rule(
            "mixpanel",
            CallKind.IDENTIFY,
            ("mixpanel", "people_set"),
            properties=Arg(1, "properties"),
        ),
    ),
}


@dataclass(frozen=True)
class Matchers:
    """The rules a scan uses, per language family, with a fast lookup by the callee's last name."""

    javascript: tuple[Rule, ...]
    python: tuple[Rule, ...]

    def rules(self, family: Family) -> tuple[Rule, ...]:
        return self.javascript if family is Family.JAVASCRIPT else self.python

    @cached_property
    def _index(self) -> dict[tuple[Family, str], tuple[Rule, ...]]:
        index: dict[tuple[Family, str], list[Rule]] = {}
        for family in Family:
            # Longest path first; wrappers before presets of the same length.
            ordered = sorted(self.rules(family), key=lambda r: (-len(r.path), r.sdk != WRAPPER_SDK))
            for rule in ordered:
                index.setdefault((family, rule.path[-1]), []).append(rule)
        return {key: tuple(rules) for key, rules in index.items()}

    @cached_property
    def anchors(self) -> dict[Family, tuple[str, ...]]:
        """The names whose presence makes a file worth parsing, per family."""
        return {
            family: tuple(sorted({rule.anchor for rule in self.rules(family)})) for family in Family
        }

    @cached_property
    def anchor_bytes(self) -> dict[Family, tuple[bytes, ...]]:
        return {
            family: tuple(name.encode() for name in names) for family, names in self.anchors.items()
        }

    @cached_property
    def patterns(self) -> dict[Family, re.Pattern[bytes]]:
        """Whole-identifier occurrences of any anchor name, per family."""
        compiled = {}
        for family, names in self.anchors.items():
            ordered = sorted(names, key=len, reverse=True)
            body = b"|".join(re.escape(n.encode()) for n in ordered) if ordered else b"(?!)"
            compiled[family] = re.compile(rb"(?<![\w$])(?:" + body + rb")(?![\w$])")
        return compiled

    def match(self, family: Family, segments: Sequence[str]) -> Rule | None:
        """The rule for a callee such as ("window", "analytics", "track"), or None."""
        if not segments:
            return None
        candidates = self._index.get((family, segments[-1]))
        if not candidates:
            return None
        path = tuple(s for s in segments if s not in _TRANSPARENT)
        for rule in candidates:
            size = len(rule.path)
            if path[-size:] == rule.path:
                return rule
        return None


def build_matchers(sdks: Sequence[str] = (), wrappers: Iterable[Wrapper] = ()) -> Matchers:
    """The rules of the chosen presets (all when `sdks` is empty) and of the team's wrappers.

    An unknown preset name or a wrapper function that is not a dotted name stops the run.
    """
    chosen = set(sdks) if sdks else set(SDKS)
    for name in chosen:
        if name not in SDKS:
            guess = did_you_mean(name, SDKS)
            hint = f"; did you mean {guess!r}?" if guess else f"; use one of {', '.join(SDKS)}"
            raise TrackplanError(f"unknown SDK preset {name!r} (--sdk or `scan.sdks`){hint}")
    own = [wrapper_rule(w) for w in wrappers]
    return Matchers(
        javascript=tuple(own) + tuple(r for r in PRESETS[Family.JAVASCRIPT] if r.sdk in chosen),
        python=tuple(own) + tuple(r for r in PRESETS[Family.PYTHON] if r.sdk in chosen),
    )


def wrapper_rule(wrapper: Wrapper) -> Rule:
    """A team's function as a rule: `trackEvent('X', props)`, event and properties by position or name."""
    if not _DOTTED_NAME.match(wrapper.function):
        raise TrackplanError(
            f"`scan.wrappers`: function {wrapper.function!r} is not a name such as `trackEvent`"
            " or `tracker.send`"
        )
    return Rule(
        WRAPPER_SDK,
        CallKind(wrapper.type),
        tuple(wrapper.function.split(".")),
        Layout.POSITIONAL,
        event=_arg(wrapper.event),
        properties=_arg(wrapper.properties),
    )


def _arg(ref: int | str) -> Arg:
    if isinstance(ref, int):
        if ref < 0:
            raise TrackplanError(f"`scan.wrappers`: argument position {ref} must be 0 or more")
        return Arg(position=ref)
    return Arg(name=ref)
