"""The pace bar puts its marker where the key result should be today, on home and in a check-in."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from okrtui.domain.models import KRSnapshot
from okrtui.domain.sample import KEY_RESULTS, OBJECTIVE
from okrtui.tui.widgets.pace_bar import EMPTY, FILLED, MARKER, pace_bar_text
from okrtui.tui.widgets.steps.checkin_card import CheckInCard


def drawn(progress: float, pace: float | None) -> str:
    """The bar as twenty cells of text (colours do not matter here)."""
    return pace_bar_text(progress, pace, 20, lambda _name, fallback: fallback, None).plain


def test_behind_pace_shows_the_marker_ahead_of_the_bar() -> None:
    line = drawn(0.25, 0.5)
    assert len(line) == 20
    assert line[:5] == FILLED * 5
    assert line.index(MARKER) == 9  # the tenth cell: half of twenty
    assert line[5:9] == EMPTY * 4


def test_ahead_of_pace_shows_the_marker_inside_the_bar() -> None:
    line = drawn(0.9, 0.25)
    assert line.index(MARKER) == 4
    assert line.count(FILLED) == 17  # 18 filled cells, one of them the marker


def test_maintain_kinds_have_no_marker() -> None:
    line = drawn(1.0, None)
    assert line == FILLED * 20


class CardHost(App[None]):
    """One check-in card, for the Tier 1 key result, with the quarter half gone."""

    def compose(self) -> ComposeResult:
        snapshot = KRSnapshot(
            objective_id=OBJECTIVE.id, objective_title=OBJECTIVE.title, kr=KEY_RESULTS[0]
        )
        yield CheckInCard(1, snapshot, previous=None, pace=0.5, checkin=None, locale="en")


async def test_the_check_in_card_draws_the_home_rows_pace_bar() -> None:
    app = CardHost()
    async with app.run_test(size=(80, 12)) as pilot:
        app.query_one(CheckInCard).show_numbers(125)  # a quarter of the way to 500
        await pilot.pause()
        line = app.query_one(".card-bar", Static)
        shown = str(line.render())
        words = " 25% · pace 50%"
        width = line.content_size.width - len(words)  # the bar takes the card's width
        bar = pace_bar_text(0.25, 0.5, width, app.theme_variables.get, None).plain
        assert shown == f"{bar}{words}"
        assert shown.index(MARKER) == width // 2 - 1  # the last cell of the first half
