"""Every string of the hostile corpus, pasted into every text field of every step and committed.

For each: the app keeps running, the value is either kept as the model keeps it or refused
with a plain-words message at the field, and the folder reopens with a fresh repository.
One meeting per step; the strings go in turn.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input, OptionList, Static

from okrtui.domain.agenda import WEEKLY_AGENDA
from okrtui.domain.limits import text_limits
from okrtui.domain.models import Agenda, AgendaStep, Issue, SessionKind
from okrtui.store import Repository
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.widgets.steps import StepWidget
from okrtui.tui.widgets.steps.entries import EntryListStep
from okrtui.tui.widgets.text_box import TextBox
from okrtui.tui.widgets.text_input import TextInput
from tests.hostile_text import CORPUS
from tests.tui.meeting_helpers import HeldMeeting, add_milestone_kr, holding_meeting

# Inputs that take a number, a date, a kind or a key result's number: read by a parser
# that names what it expected, not kept as typed text.
PARSED_FIELDS = {
    "value-1",
    "contrib-kr",
    "note-kind",
    "training-minutes",
    "training-attendees",
    "commit-kind",
    "commit-kr",
    "commit-due",
    "final-value",
    "override-score",
    "nq-baseline",
    "nq-target",
}

# Words that give away a traceback or a library's message instead of plain words.
NOT_PLAIN = ("Traceback", "ValidationError", "pydantic", "Value error", "errors.pydantic.dev")

Prepare = Callable[[HeldMeeting, StepWidget], Awaitable[None]]


@dataclass(frozen=True)
class StepFields:
    """A step, the fields to try in it, and how the cursor reaches each one."""

    kind: SessionKind
    key: str
    fields: tuple[str, ...]
    # Valid answers for an entry form's other fields, so each try commits a whole entry.
    form: tuple[tuple[str, str], ...] = ()


async def focus(held: HeldMeeting, step: StepWidget, field_id: str) -> None:
    """Put the cursor in a field directly (it is on screen)."""
    step.screen.set_focus(step.form_field(field_id))
    await held.pilot.pause()


async def on_list(
    held: HeldMeeting, step: StepWidget, list_id: str, index: int, *keys: str
) -> None:
    """Highlight an entry of a list and press keys there."""
    listing = step.query_one(f"#{list_id}", OptionList)
    step.screen.set_focus(listing)
    listing.highlighted = index
    await held.pilot.press(*keys)
    await held.pilot.pause()


async def reach(held: HeldMeeting, step: StepWidget, field_id: str) -> None:
    """Put the cursor in `field_id` the way a facilitator gets there."""
    pilot = held.pilot
    if field_id == "final-value":  # the last key result has no check-ins
        listing = step.query_one("#score-list", OptionList)
        await on_list(held, step, "score-list", listing.option_count - 1, "f")
    elif field_id == "override-score":
        await on_list(held, step, "score-list", 0, "o")
    elif field_id == "override-rationale":
        await on_list(held, step, "score-list", 0, "o")
        step.query_one("#override-score", Input).value = "0.5"
        await pilot.press("enter")
    elif field_id == "issue-resolution":
        await on_list(held, step, "issues-list", 0, "s")  # the seeded open issue
    elif field_id.startswith("nq-"):
        await on_list(held, step, "draft-list", 1, "e")  # the first key result, an increase
        for _ in range(("nq-title", "nq-baseline", "nq-target").index(field_id)):
            await pilot.press("enter")  # keep the title (and the baseline)
    else:
        await focus(held, step, field_id)
    await pilot.pause()
    focused = held.app.focused
    assert focused is not None and focused.id == field_id, f"{field_id}: focus on {focused!r}"


STEPS = [
    StepFields("weekly", "attendance", ("facilitator", "guest-name")),
    StepFields("weekly", "checkins", ("value-1", "note-1")),
    StepFields(
        "weekly",
        "contributions",
        ("contrib-member", "contrib-kr", "contrib-text"),
        (("contrib-member", "ben"), ("contrib-kr", "1"), ("contrib-text", "Closed deals")),
    ),
    StepFields(
        "weekly",
        "experiences",
        ("note-kind", "note-member", "note-text"),
        (("note-kind", "w"), ("note-member", ""), ("note-text", "Webinars work")),
    ),
    StepFields("weekly", "open_issues", ("issue-resolution",)),
    StepFields(
        "weekly",
        "training",
        (
            "training-topic",
            "training-presenter",
            "training-minutes",
            "training-attendees",
            "training-notes",
        ),
        (
            ("training-topic", "Pricing"),
            ("training-presenter", "ana"),
            ("training-minutes", "10"),
            ("training-attendees", ""),
            ("training-notes", ""),
        ),
    ),
    StepFields(
        "weekly",
        "next_week",
        ("commit-owner", "commit-text", "commit-kind", "commit-kr", "commit-due"),
        (
            ("commit-owner", "ben"),
            ("commit-text", "Call members"),
            ("commit-kind", "t"),
            ("commit-kr", ""),
            ("commit-due", "+7"),
        ),
    ),
    StepFields("weekly", "wrap_up", ("summary",)),
    # A discussion step of the team's own (the demo team is given an agenda with one).
    StepFields(
        "weekly",
        "discussion-headlines",
        ("discussion-text", "discussion-who"),
        (("discussion-text", "Two resorts signed"), ("discussion-who", "")),
    ),
    StepFields("quarterly", "scores", ("final-value", "override-score", "override-rationale")),
    StepFields("quarterly", "retrospective", ("went-well", "to-change")),
    StepFields("quarterly", "next_quarter", ("nq-title", "nq-baseline", "nq-target")),
]


def give_discussion_step(folder: Path) -> None:
    """The built-in weekly agenda with a discussion step "Headlines" at its end."""
    steps = [AgendaStep(key=s.key) for s in WEEKLY_AGENDA]
    steps.append(AgendaStep(key="discussion-headlines", discussion=True, title="Headlines"))
    Repository.open(folder).update_team(
        "sales", lambda team: team.model_copy(update={"weekly_agenda": Agenda(steps=steps)})
    )


def seed_open_issue(folder: Path) -> None:
    """Give the team one open issue, raised at an earlier meeting."""
    issue = Issue(
        id="2026-Q4-demo04.n-seeded",
        team_id="sales",
        text="Lead campaign paused",
        raised_in="2026-Q4-demo04",
        raised_on=date(2026, 10, 29),
    )
    Repository.open(folder).update_issues("sales", lambda now: [issue])


def strings(value: Any) -> Iterator[str]:
    """Every string inside a dumped record."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def squeezed(text: str) -> str:
    return " ".join(text.split())


def shown_errors(step: StepWidget) -> list[str]:
    return [str(e.render()) for e in step.query(".field-error.-shown").results(Static)]


async def paste(held: HeldMeeting, field: Input | TextBox, text: str) -> None:
    """Empty the field and paste `text` into it, as a terminal delivers a paste."""
    field.value = ""
    field.post_message(events.Paste(text))
    await held.pilot.pause()


async def commit_entry(
    held: HeldMeeting, step: EntryListStep, spec: StepFields, target: str
) -> None:
    """Fill the form with valid answers around `target`, then Enter through to the end."""
    for field_id, value in spec.form:
        if field_id != target:
            step.form_field(field_id).value = value
    remaining = len(spec.fields) - spec.fields.index(target)
    for _ in range(remaining):
        await held.pilot.press("enter")
        if isinstance(held.app.screen, ConfirmDialog):  # "add guest?": a guest it is
            await held.pilot.press("y")
            await held.pilot.pause()
        if shown_errors(step):
            return  # refused: the cursor stays at the field at fault


@pytest.mark.parametrize("spec", STEPS, ids=[f"{s.kind}-{s.key}" for s in STEPS])
async def test_hostile_text_in_every_field_is_kept_or_refused_in_plain_words(
    demo_folder: Path, spec: StepFields
) -> None:
    add_milestone_kr(demo_folder)  # a key result without check-ins, for the final value
    if spec.key.startswith("discussion-"):
        give_discussion_step(demo_folder)
    seed_open_issue(demo_folder)  # an issue for the open-issues step to solve
    async with holding_meeting(demo_folder, spec.kind, step=spec.key) as held:
        step = held.screen.query_one(f"#step-{spec.key}", StepWidget)
        for field_id in spec.fields:
            field = step.form_field(field_id)
            if isinstance(field, TextInput | TextBox):
                assert field.fills is not None, f"{field_id} keeps text but names no model field"
                limits = text_limits(field.fills.model, field.fills.name)
                assert field.rules.max_length == limits.max_length, field_id
            else:
                assert field_id in PARSED_FIELDS, f"{field_id} keeps text but names no model field"
            for text in CORPUS:
                if isinstance(step, EntryListStep):
                    step.action_clear_form()
                for error in step.query(".field-error.-shown"):
                    error.remove_class("-shown")  # each try starts with no message shown
                await reach(held, step, field_id)
                await paste(held, field, text)
                typed = field.value
                if isinstance(step, EntryListStep):
                    await commit_entry(held, step, spec, field_id)
                else:
                    await held.pilot.press("enter")
                await held.pilot.pause()
                errors = shown_errors(step)
                for message in errors:
                    assert message.strip(), f"{field_id} {text[:20]!r}: an empty message"
                    assert not any(word in message for word in NOT_PLAIN), message
                if not errors:
                    # Kept: the record holds what was typed, as the model keeps it.
                    kept = {squeezed(s) for s in strings(held.session.model_dump(mode="json"))}
                    assert field_id in PARSED_FIELDS or squeezed(typed) in kept, (
                        f"{field_id} {text[:20]!r}: neither kept nor refused"
                    )
        session_id = held.session.id
    reopened = Repository.open(demo_folder).session(session_id)
    assert reopened.id == session_id


def plan_with_markup(folder: Path) -> None:
    """Give a key result, its unit and a member name that read as markup."""
    repository = Repository.open(folder)
    objective = repository.objectives("sales", "2026-Q4")[0]
    title = "[@click=app.quit]q[/] Fix [/] parser bugs"
    krs = list(objective.key_results)
    krs[0] = krs[0].model_copy(update={"title": title, "unit": "[beta] users"})
    repository.save_objective(objective.model_copy(update={"key_results": krs}))
    team = repository.team("sales")
    members = [team.members[0].model_copy(update={"name": "Web [red]team"}), *team.members[1:]]
    repository.save_team(team.model_copy(update={"members": members}))


@pytest.mark.parametrize("kind", ["weekly", "quarterly"])
async def test_every_step_shows_markup_in_the_plan_as_typed(
    demo_folder: Path, kind: SessionKind
) -> None:
    plan_with_markup(demo_folder)
    async with holding_meeting(demo_folder, kind, size=(100, 36)) as held:
        for step in held.screen.steps:
            screen = await held.go_to(step.key)
            assert screen.step.key == step.key  # the app is still running, on that step
        if kind == "weekly":
            await held.go_to("contributions")
            legend = held.screen.query_one("#step-contributions .legend", Static)
            assert "[@click=app.quit]q[/]" in str(legend.render())
    assert held.app.return_code in (None, 0)
