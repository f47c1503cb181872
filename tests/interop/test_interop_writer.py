"""The YAML writer: whatever the names and texts, the plan loads back to exactly them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.interop.helpers import load_text

from trackplan.interop.imported import ImportedPlan, ImportedSection, Kind
from trackplan.interop.writer import render_plan

# Any text YAML can hold (no surrogates, no NUL-like controls a YAML file cannot carry raw).
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"),
    min_size=1,
    max_size=40,
)
HOSTILE = st.sampled_from(
    [
        "42_--terrible==\\\"event'++name~!3",
        "null",
        "true",
        "~",
        "- dash",
        "# hash",
        "a: b",
        "{x}",
        "[y]",
        "*alias",
        "&anchor",
        "!tag",
        "%percent",
        "@at",
        "`tick`",
        "1e3",
        "0x1F",
        "<<",
        " leading",
        "trailing ",
        "multi\nline",
        "tab\there",
        "é ü 漢字 🎉",
        "Sample property 1",
    ]
)
NAME = st.one_of(HOSTILE, TEXT)


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(NAME, min_size=1, max_size=4, unique=True),
    props=st.lists(NAME, min_size=1, max_size=4, unique=True),
    description=st.one_of(HOSTILE, TEXT),
    enum=st.lists(st.one_of(HOSTILE, TEXT), min_size=1, max_size=3, unique=True),
)
def test_names_and_texts_survive(
    names: list[str], props: list[str], description: str, enum: list[str]
) -> None:
    spec = {"type": "string", "enum": enum, "description": description}
    sections = tuple(
        ImportedSection(
            Kind.TRACK,
            name,
            description=description,
            tags=(description,),
            properties={p: spec for p in props},
        )
        for name in names
    )
    plan = ImportedPlan(name=description, source=description, shape="test", sections=sections)
    text = render_plan(plan, "trackplan import test")
    loaded = load_text(text).plan
    assert loaded.name == description
    assert [e.name for e in loaded.events] == names
    for event in loaded.events:
        assert event.description == description and event.tags == (description,)
        assert [p.name for p in event.properties] == props
        for prop in event.properties:
            assert prop.description == description and prop.enum == tuple(enum)
