"""In a browser with no proxy naming the person, the first screen asks who they are."""

from __future__ import annotations

from textual.widgets import Static

from okrtui.services.identity import current_person
from okrtui.store import Repository
from okrtui.store.holders import this_process
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.who_are_you import WhoAreYouDialog
from okrtui.tui.served import member_names
from tests.conftest import TODAY
from tests.tui.settle import settle

SIZE = (90, 30)


async def test_a_member_picks_their_name_and_becomes_the_person(
    demo_repository: Repository,
) -> None:
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = member_names(app)
        assert names[:2] == ["Ana Costa", "Ben Okafor"]
        chosen: list[str | None] = []
        app.push_screen(WhoAreYouDialog(names), chosen.append)
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
    assert chosen == ["Ben Okafor"]
    assert current_person() == "Ben Okafor"


async def test_a_guest_types_a_name_and_a_bad_one_is_refused_at_the_field(
    demo_repository: Repository,
) -> None:
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        chosen: list[str | None] = []
        app.push_screen(WhoAreYouDialog(member_names(app)), chosen.append)
        await pilot.pause()
        await pilot.press("tab", "space", "enter")  # only a blank: no name
        await pilot.pause()
        error = app.screen.query_one("#who-error", Static)
        assert "Your name" in str(error.render()), "the refusal is said at the field"
        assert chosen == [] and current_person() == this_process().user
        await pilot.press("backspace", *"Dee Guest", "enter")
        await pilot.pause()
    assert chosen == ["Dee Guest"]
    assert current_person() == "Dee Guest"
