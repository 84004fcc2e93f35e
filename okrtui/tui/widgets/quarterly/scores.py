"""Score each key result: the computed score with its band; accept it or override it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from okrtui.domain import kr_words
from okrtui.domain.limits import FieldProblem, Fills
from okrtui.domain.models import Score
from okrtui.domain.numbers import parse_milestone, parse_number
from okrtui.domain.quarterly import (
    KRQuarterPath,
    computed_score,
    confidence_history,
    overridden,
    parse_score,
    review_standing,
    set_score,
    values_word,
)
from okrtui.domain.scoring import band
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.pace_bar import BAND_COLOURS
from okrtui.tui.widgets.quarterly.base import QuarterlyStep
from okrtui.tui.widgets.quarterly.confidence_dots import confidence_legend, confidence_row
from okrtui.tui.widgets.steps.base import Field, field
from okrtui.tui.widgets.text_input import TextInput


def score_text(value: float) -> Content:
    """A score in its band's colour, e.g. `0.45 yellow`."""
    grade = band(value)
    # The theme's text variant keeps the bands legible on light themes as well as dark ones.
    return Content.styled(f"{value:.2f} {grade}", f"bold $text-{BAND_COLOURS[grade]}")


class ScoresStep(QuarterlyStep):
    """Key results with computed scores; a accepts, o overrides (with a reason), f final value."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "Accept score"),
        Binding("o", "override", "Override"),
        Binding("f", "final_value", "Final value"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(
            "a accepts the computed score · o overrides it (a reason is required) · "
            "f enters a final value when there were no check-ins",
            classes="hint",
        )
        yield OptionList(id="score-list")
        yield Static("", id="score-detail")
        yield Static(confidence_legend(), id="confidence-legend", classes="hint")
        yield Label(
            "Final value (this key result has no check-ins)",
            id="final-value-label",
            classes="field-label",
        )
        yield Input(placeholder="e.g. 420", id="final-value")
        yield Static("", id="final-value-error", classes="field-error")
        yield from field(
            "Override: the score to use, 0 to 1", Input(placeholder="e.g. 0.6", id="override-score")
        )
        yield from field(
            "Why the computed score is not right (required for an override)",
            TextInput(
                fills=Fills(Score, "rationale", "The reason"),
                placeholder="e.g. two deals signed on the last day",
                id="override-rationale",
            ),
        )

    def on_mount(self) -> None:
        self.show_step()

    # -- what is shown ---------------------------------------------------------------------

    def show_step(self) -> None:
        self._paths = {p.kr.id: p for p in self.paths()}
        listing = self.query_one("#score-list", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        for path in self._paths.values():
            listing.add_option(Option(self._line(path), id=path.kr.id))
        if listing.option_count:
            listing.highlighted = min(highlighted or 0, listing.option_count - 1)
        self._show_detail()

    def focus_first(self) -> None:
        self.move_to(self.query_one("#score-list", OptionList))

    def _saved(self, kr_id: str) -> Score | None:
        return next((s for s in self.context.session.scores if s.kr_id == kr_id), None)

    def _proposed(self, path: KRQuarterPath) -> Score:
        """The saved score, or the computed one when the room has not decided yet."""
        saved = self._saved(path.kr.id)
        if saved is not None:
            return saved
        return computed_score(path)

    def _line(self, path: KRQuarterPath) -> Content:
        saved = self._saved(path.kr.id)
        score = self._proposed(path)
        if saved is None:
            state = Content.styled("to score", "$text-muted")
        elif abs(saved.used - saved.computed) > 1e-9:
            state = Content.styled(f"overridden (computed {saved.computed:.2f})", "italic")
        else:
            state = Content.styled("accepted", "$text-success")
        return Content.assemble(
            score_text(score.used),
            "  ",
            (escape_control(path.kr.title), "bold"),
            "\n     ",
            state,
            "  confidence ",
            confidence_row(confidence_history(self.weekly_sessions(), path.kr.id)),
        )

    def _current(self) -> KRQuarterPath | None:
        listing = self.query_one("#score-list", OptionList)
        if listing.highlighted is None:
            return None
        kr_id = listing.get_option_at_index(listing.highlighted).id
        return self._paths.get(kr_id or "")

    def _show_detail(self) -> None:
        detail = self.query_one("#score-detail", Static)
        path = self._current()
        # The final-value field matters only for a key result nobody checked in.
        no_checkins = path is not None and not path.values
        for widget_id in ("#final-value", "#final-value-label"):
            self.query_one(widget_id).display = no_checkins
        if path is None:
            detail.update("This review has no key results to score.")
            return
        score = self._proposed(path)
        final = kr_words.value(path.kr, score.final_value)
        held_on = self.context.session.date
        source = (
            f"{len(path.values)} check-ins, {values_word(self.quarter, held_on)} {final}"
            if path.values
            else f"no check-ins; final value {final} (press f)"
        )
        standing = review_standing(self.quarter, held_on)
        lines = Content.assemble(
            (escape_control(path.kr.title), "bold"),
            "\nComputed ",
            score_text(score.computed),
            f" from {escape_control(source)}",  # the unit is the plan's text
            "\nUsed ",
            score_text(score.used),
            f" — {escape_control(score.rationale)}" if score.rationale else "",
            "\nConfidence week by week: ",
            confidence_row(confidence_history(self.weekly_sessions(), path.kr.id)),
            ("\n" + standing) if standing else "",
        )
        detail.update(lines)

    @on(OptionList.OptionHighlighted, "#score-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail()

    # -- deciding ----------------------------------------------------------------------------

    def _save(self, score: Score, what: str) -> None:
        self.commit(set_score(self.context.session, score, self.objectives()), what)
        self.show_step()

    def _next_kr(self) -> None:
        listing = self.query_one("#score-list", OptionList)
        if listing.highlighted is not None and listing.highlighted + 1 < listing.option_count:
            listing.highlighted += 1
        self.move_to(listing)

    def action_accept(self) -> None:
        """Use the computed score for the highlighted key result."""
        path = self._current()
        if path is None:
            return
        saved = self._saved(path.kr.id)
        entered = saved.final_value if saved is not None and not path.values else None
        title = escape_control(path.kr.title)
        self._save(computed_score(path, entered), f"score of {title} accepted")
        self._next_kr()

    @on(OptionList.OptionSelected, "#score-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_accept()

    def escaped(self, focused: Widget) -> None:
        """Escape (from a field or the list): drop what was half typed, back to the list."""
        self.action_back_to_list()

    def action_back_to_list(self) -> None:
        """Leave a half-typed override or final value and go back to the key results."""
        for input_id in ("#final-value", "#override-score", "#override-rationale"):
            field_input = self.query_one(input_id, Input)
            field_input.value = ""
            self.clear_error(field_input)
        self.move_to(self.query_one("#score-list", OptionList))

    def action_override(self) -> None:
        """Type another score and the reason for it."""
        if self._current() is not None:
            self.move_to(self.query_one("#override-score", Input))

    def action_final_value(self) -> None:
        """Type the final value of a key result that was never checked in."""
        path = self._current()
        if path is None:
            return
        if path.values:
            self.notify("The final value is the last check-in; override the score instead.")
            return
        self.move_to(self.query_one("#final-value", Input))

    def field_committed(self, field: Field) -> None:
        """Enter in the final value, the override's score or its reason."""
        if not isinstance(field, Input):
            return  # every field of this step is one line
        if field.id == "final-value":
            self._final_value(field)
        elif field.id == "override-score":
            self._override_score(field)
        elif field.id == "override-rationale":
            self._override_rationale(field)

    def _final_value(self, field: Input) -> None:
        path = self._current()
        if path is None:
            return
        if path.values:
            self.show_error(field, "this key result has check-ins: the last one is final")
            return
        try:
            locale = self.context.team.locale
            value = (
                parse_milestone(field.value, locale=locale)
                if path.kr.kind == "milestone"
                else parse_number(field.value, locale=locale, unit=path.kr.unit)
            )
        except ValueError as exc:
            self.show_error(field, str(exc))
            return
        self.clear_error(field)
        field.value = ""
        title = escape_control(path.kr.title)
        self._save(computed_score(path, value), f"final value of {title}")
        self.move_to(self.query_one("#score-list", OptionList))

    def _override_score(self, field: Input) -> None:
        try:
            parse_score(field.value, self.context.team.locale)
        except ValueError as exc:
            self.show_error(field, str(exc))
            return
        self.clear_error(field)
        self.move_to(self.query_one("#override-rationale", Input))

    def _override_rationale(self, field: Input) -> None:
        assert isinstance(field, TextInput)
        path = self._current()
        score_input = self.query_one("#override-score", Input)
        if path is None:
            return
        try:
            used = parse_score(score_input.value, self.context.team.locale)
        except ValueError as exc:
            self.show_error(score_input, str(exc))
            self.move_to(score_input)
            return
        try:
            score = overridden(self._proposed(path), used, field.checked())
        except FieldProblem as problem:
            self.show_error(field, str(problem))
            return
        except ValueError as exc:
            self.show_error(field, str(exc))
            return
        self.clear_error(field)
        score_input.value = ""
        field.value = ""
        self._save(score, f"score of {escape_control(path.kr.title)} overridden")
        self._next_kr()
