"""Confidence is coloured from the theme on every screen, so a light theme stays legible."""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult

from okrtui.domain.confidence import COLOURS
from okrtui.tui.widgets.kr_trend import KRTrend
from okrtui.tui.widgets.steps.checkin_card import ConfidencePicker


class PickerHost(App[None]):
    """The check-in card's confidence picker alone, on the light theme."""

    def compose(self) -> ComposeResult:
        yield ConfidencePicker()


def _segment(segments: list[Segment], text: str) -> Segment:
    return next(s for s in segments if text in s.text)


async def test_the_chosen_confidence_is_drawn_in_the_themes_colour_for_it() -> None:
    app = PickerHost()
    async with app.run_test(size=(60, 3)) as pilot:
        app.theme = "textual-light"
        picker = app.query_one(ConfidencePicker)
        picker.confidence = "at_risk"  # as 2 picks it in a meeting
        await pilot.pause()
        assert picker.confidence == "at_risk"
        chosen = _segment(list(picker.render_line(0)), "at risk")
        assert chosen.style is not None and chosen.style.color is not None
        theme = Color.parse(app.theme_variables[COLOURS["at_risk"]])
        assert chosen.style.color.triplet == theme.triplet
        assert chosen.style.color != Color.parse("yellow")


class TrendHost(App[None]):
    """The trends panel alone."""

    def compose(self) -> ComposeResult:
        yield KRTrend()


async def test_the_trends_table_colours_each_confidence_from_the_theme() -> None:
    app = TrendHost()
    async with app.run_test(size=(80, 24)) as pilot:
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            cell = app.query_one(KRTrend)._confidence_cell("on_track")
            assert cell.plain == "● on track"
            wanted = Color.parse(app.theme_variables["text-success"])
            assert isinstance(cell.style, Style) and cell.style.color is not None
            assert cell.style.color.triplet == wanted.triplet
