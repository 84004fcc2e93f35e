"""The minutes say which entries came from a member's own update, and from whom."""

from __future__ import annotations

import json

import pytest

from okrtui.domain.updates import accept
from okrtui.minutes import FORMATS, render
from tests.domain.test_updates import CHECKIN, CONTRIBUTION, EXPERIENCE, TARGET, meeting


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_names_who_sent_each_accepted_entry(fmt: str) -> None:
    session = meeting()
    for update in (CHECKIN, CONTRIBUTION, EXPERIENCE, TARGET):
        session = accept(session, update)
    session = session.model_copy(
        update={"member_names": {**session.member_names, "ben": "Ben <b>"}}
    )
    text = render(session, fmt)  # type: ignore[arg-type]
    if fmt == "json":
        document = json.loads(text)
        lines = [kr for o in document["objectives"] for kr in o["key_results"]]
        assert [kr["sent_by"] for kr in lines if kr["kr_id"] == "kr-tier1"] == ["Ben <b>"]
        return
    # A name is user text: escaped as every name is, in each format's own way.
    sent = {
        "html": "(sent by Ben &lt;b&gt;)",
        "md": r"(sent by Ben \<b>)",
        "text": "(sent by Ben <b>)",
    }[fmt]
    # The check-in, the contribution, the lesson and the target: four entries, each marked.
    assert text.count(sent) == 4, text


def test_entries_typed_in_the_meeting_say_nothing_of_a_sender() -> None:
    assert "sent by" not in render(meeting(), "md")
