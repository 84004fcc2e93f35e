"""Objective scores: the weighted mean of each objective's key-result scores, with call-outs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from okrtui.domain.quarterly import ObjectiveResult, objective_results
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.quarterly.base import QuarterlyStep
from okrtui.tui.widgets.quarterly.scores import score_text


class ObjectiveScoresStep(QuarterlyStep):
    """Each objective's score and band; a steady 1.0 or a score below 0.4 is called out."""

    def compose(self) -> ComposeResult:
        yield Static(
            "Weighted means of the scores used (×weight). About 0.7 is the expected "
            "landing for a stretch objective.",
            classes="hint",
        )
        yield Vertical(id="objective-results")

    def on_mount(self) -> None:
        self.show_step()

    def focus_first(self) -> None:
        self.move_to(self)

    def show_step(self) -> None:
        session = self.context.session
        results = objective_results(self.objectives(), session.scores)
        area = self.query_one("#objective-results", Vertical)
        area.remove_children()
        if not results:
            area.mount(Static("No key result has been scored yet: go back to the scores step."))
            return
        scored = {s.kr_id for s in session.scores}
        widgets: list[Static] = []
        for result in results:
            widgets.extend(_result_widgets(result))
            missing = [
                kr.title for kr in result.objective.active_key_results if kr.id not in scored
            ]
            if missing:
                missing_line = escape_control(f"Not scored yet: {'; '.join(missing)}")
                widgets.append(Static(missing_line, classes="callout hint", markup=False))
        area.mount_all(widgets)
        # Keep the session's objective scores in step with its key-result scores.
        kept = [r.to_model() for r in results]
        if kept != session.objective_scores:
            self.commit(session.model_copy(update={"objective_scores": kept}), "objective scores")


def _result_widgets(result: ObjectiveResult) -> list[Static]:
    title = escape_control(result.objective.title)
    heading = Content.assemble(score_text(result.score), "  ", (title, "bold"))
    widgets = [Static(heading, classes=f"group-title band-{result.band}")]
    for kr, score in result.kr_scores:
        widgets.append(
            Static(
                Content.assemble(
                    "    ",
                    score_text(score.used),
                    escape_control(f"  {kr.title}  (×{kr.weight:g})"),
                )
            )
        )
    if result.callout:
        widgets.append(Static(result.callout, classes=f"callout band-{result.band}"))
    return widgets
