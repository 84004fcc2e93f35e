"""The pace bar puts its marker where the key result should be today."""

from __future__ import annotations

from textual.app import App, ComposeResult

from okrtui.tui.widgets.pace_bar import EMPTY, FILLED, MARKER, PaceBar


class BarApp(App[None]):
    def __init__(self, progress: float, pace: float | None) -> None:
        super().__init__()
        self.bar = PaceBar(progress, pace)

    def compose(self) -> ComposeResult:
        yield self.bar


async def drawn(progress: float, pace: float | None) -> str:
    app = BarApp(progress, pace)
    async with app.run_test(size=(20, 3)) as pilot:
        await pilot.pause()
        return app.bar.render().plain


async def test_behind_pace_shows_the_marker_ahead_of_the_bar() -> None:
    line = await drawn(0.25, 0.5)
    assert len(line) == 20
    assert line[:5] == FILLED * 5
    assert line.index(MARKER) == 9  # the tenth cell: half of twenty
    assert line[5:9] == EMPTY * 4


async def test_ahead_of_pace_shows_the_marker_inside_the_bar() -> None:
    line = await drawn(0.9, 0.25)
    assert line.index(MARKER) == 4
    assert line.count(FILLED) == 17  # 18 filled cells, one of them the marker


async def test_maintain_kinds_have_no_marker() -> None:
    line = await drawn(1.0, None)
    assert line == FILLED * 20
