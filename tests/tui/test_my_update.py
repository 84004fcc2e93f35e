"""My update: a member sends their own check-in, contribution, experience or target from
the app, by keys alone; it waits in the team's inbox and shows in the meeting's step for it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from okrtui.domain.limits import text_limits
from okrtui.domain.models import Contribution
from okrtui.domain.updates import STEP_OF_KIND, Update
from okrtui.services.identity import USER_VARIABLE
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.screens.help import HelpScreen
from okrtui.tui.screens.my_update import CHOICES, MyUpdateScreen, text_id
from okrtui.tui.widgets.text_input import TextInput
from tests.tui.meeting_helpers import FakeClock, demo_app, holding_meeting
from tests.tui.settle import settle

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def ben_signed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ben Okafor is the person using the app (as `okrtui serve` names a signed-in user)."""
    monkeypatch.setenv(USER_VARIABLE, "Ben Okafor")


async def open_my_update(pilot: Pilot[None]) -> MyUpdateScreen:
    await settle(pilot)
    await pilot.press("u")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MyUpdateScreen), screen
    return screen


async def choose(pilot: Pilot[None], select: Select[str], position: int) -> None:
    """Pick the option at `position` (0 is the blank prompt of a picker that has one) by
    keys: open the list, go to its top, move down, Enter."""
    select.focus()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("home", *["down"] * position, "enter")
    await pilot.pause()


async def choose_kind(pilot: Pilot[None], screen: MyUpdateScreen, words: str) -> None:
    index = next(i for i, (said, _, _) in enumerate(CHOICES) if said == words)
    await choose(pilot, screen.query_one("#kind", Select), index)
    assert screen.choice[0] == words


async def type_into(pilot: Pilot[None], field: Input, text: str) -> None:
    field.focus()
    await pilot.press(*text)


def errors(screen: MyUpdateScreen) -> dict[str, str]:
    """The error lines shown, by the field they are under."""
    return {
        str(e.id).removesuffix("-error"): str(e.render())
        for e in screen.query(".field-error.-shown").results(Static)
    }


def waiting_line(screen: MyUpdateScreen) -> str:
    return str(screen.query_one("#my-update-waiting", Static).render())


def inbox(folder: Path) -> list[Update]:
    return Repository.open(folder).pending_updates("sales")


@dataclass(frozen=True)
class Sent:
    """One kind sent from the screen: how it is filled in and what the meeting then shows."""

    kind: str  # the picker's words
    text: str
    kr: int = 0  # the key result's number (0: none)
    whose: int = 0  # the member's place in the team (0: mine)
    value: str = ""
    confidence: int = 0  # on track, at risk, off track: 1, 2, 3
    shown: str = ""  # what the meeting's step says of it


KINDS = [
    Sent(
        "Check-in of a key result",
        "two big renewals",
        kr=1,
        value="240",
        confidence=2,
        shown="Ben Okafor: check-in of Upgrade 500 existing members from Tier 2 to Tier 1: "
        "240 members, at risk — two big renewals",
    ),
    Sent(
        "Contribution",
        "Ana ran the upgrade webinar",
        kr=2,
        whose=1,
        shown="Ben Okafor: contribution of Ana Costa — Ana ran the upgrade webinar",
    ),
    Sent(
        "Lesson", "Call members before noon", shown="Ben Okafor: lesson — Call members before noon"
    ),
    Sent("Target for next week", "Ten upgrade calls", shown="Ben Okafor: target of Ben Okafor — "),
]


@pytest.mark.parametrize("sent", KINDS, ids=lambda s: s.kind)
async def test_each_kind_sent_from_my_update_waits_in_the_meeting_step_for_it(
    demo_folder: Path, sent: Sent
) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_my_update(pilot)
        await choose_kind(pilot, screen, sent.kind)
        _, kind, _ = screen.choice
        if sent.kr:
            await choose(pilot, screen.query_one("#kr", Select), sent.kr)
        if sent.whose:
            await choose(pilot, screen.query_one("#whose", Select), sent.whose)
        if sent.value:
            await type_into(pilot, screen.query_one("#value", Input), sent.value)
        if sent.confidence:
            await choose(pilot, screen.query_one("#confidence", Select), sent.confidence)
        await type_into(pilot, screen.query_one(f"#{text_id(kind)}", TextInput), sent.text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert errors(screen) == {}
        [update] = inbox(demo_folder)
        assert (update.kind, update.from_member, update.from_name) == (kind, "ben", "Ben Okafor")
        # Sent and still waiting: the screen lists it, and the form is ready for the next.
        assert sent.text in waiting_line(screen)
        assert "Sent to the team's inbox" in str(screen.query_one("#my-update-sent").render())
        assert screen.query_one(f"#{text_id(kind)}", TextInput).value == ""
        assert app.screen is screen
    async with holding_meeting(demo_folder, step=STEP_OF_KIND[kind]) as held:
        panel = str(held.screen.query_one("#pending-updates", Static).render())
        assert sent.shown in panel and sent.text in panel, panel
        await held.pilot.press("ctrl+y")
        await held.pilot.pause()
        assert inbox(demo_folder) == []  # accepted with one key: the meeting's entry now


async def test_a_wrong_value_or_a_missing_key_result_is_said_at_its_field(
    demo_folder: Path,
) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_my_update(pilot)
        await choose_kind(pilot, screen, "Check-in of a key result")
        await type_into(pilot, screen.query_one("#value", Input), "lots")
        await pilot.press("enter")
        await pilot.pause()
        assert set(errors(screen)) == {"kr"}, errors(screen)
        await choose(pilot, screen.query_one("#kr", Select), 1)
        await pilot.press("ctrl+s")
        await pilot.pause()
        [(field, message)] = errors(screen).items()
        assert field == "value" and "lots" in message and "Traceback" not in message
        assert inbox(demo_folder) == []
        assert app.screen is screen  # nothing typed is lost


async def paste(pilot: Pilot[None], field: TextInput, text: str) -> None:
    """Paste `text` into the field, as a terminal delivers a paste."""
    field.focus()
    field.post_message(events.Paste(text))
    await pilot.pause()


async def test_hostile_text_is_refused_at_the_field_or_kept_as_typed(demo_folder: Path) -> None:
    limit = text_limits(Contribution, "text").max_length
    assert limit is not None
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_my_update(pilot)
        await choose_kind(pilot, screen, "Contribution")
        field = screen.query_one(f"#{text_id('contribution')}", TextInput)

        await paste(pilot, field, "x" * 10_000)
        assert len(field.value) == limit  # cut at the model's limit, and the field says so
        assert f"at most {limit} characters" in errors(screen)[str(field.id)]

        field.value = ""
        await paste(pilot, field, "red \x1b[31malert\x07")
        assert field.value == ""  # a control character is not taken
        assert "Not pasted" in errors(screen)[str(field.id)]

        markup = "[b]Bold[/b] <script>x</script> [link=file:///etc]here[/]"
        await paste(pilot, field, markup)
        await pilot.press("ctrl+s")
        await pilot.pause()
        [update] = inbox(demo_folder)
        assert update.contribution is not None and update.contribution.text == markup
        assert markup in waiting_line(screen)  # shown as typed, never as markup
        assert app.screen is screen


async def test_my_update_is_on_the_keys_screen_and_in_the_palette(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert ("u", "My update") in help_screen.keys
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"My update", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MyUpdateScreen)


async def test_in_a_terminal_the_sender_is_chosen_among_the_members(
    demo_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(USER_VARIABLE)  # nobody named: the form asks who sends it
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_my_update(pilot)
        members = Repository.open(demo_folder).team("sales").active_members
        chen = 1 + next(i for i, m in enumerate(members) if m.id == "chen")
        await choose(pilot, screen.query_one("#member", Select), chen)
        await choose_kind(pilot, screen, "Blocker")
        await type_into(pilot, screen.query_one(f"#{text_id('experience')}", TextInput), "No CRM")
        await pilot.press("enter")
        await pilot.pause()
        [update] = inbox(demo_folder)
        assert update.from_member == "chen" and update.note is not None
        assert (update.note.kind, update.note.text) == ("blocker", "No CRM")
        assert "Chen Wei: blocker — No CRM" in waiting_line(screen)


async def test_at_80x24_the_form_opens_with_its_title_and_sender_in_view(
    demo_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The form is taller than the screen: focusing What must not scroll the title away.
    monkeypatch.delenv(USER_VARIABLE)
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_my_update(pilot)
        await pilot.pause()
        form = screen.query_one(".dialog.form")
        assert form.max_scroll_y > 0, "the form is taller than 80x24 (else this proves nothing)"
        for part in (".dialog-title", "#member", str(app.focused and f"#{app.focused.id}")):
            region = screen.query_one(part).region
            assert form.region.contains_region(region), f"{part} is out of view"
