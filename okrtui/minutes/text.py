"""Minutes as plain text, for the body of an email: no markup, nothing to escape but
control characters, the same sections in the same order as the other formats.

A table becomes one item per row with its columns as labelled lines, which reads the same
in a proportional font as in a fixed one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from okrtui.domain import kr_words
from okrtui.domain.text import escape_control
from okrtui.minutes import words
from okrtui.minutes.lines import CommitmentLine, DiscussionLine, Group, NoteLine
from okrtui.minutes.view import MinutesView

NONE_RECORDED = "None recorded."


def _text(text: str, indent: str) -> str:
    """User text on as many lines as typed, each after the first indented into its item."""
    lines = [escape_control(line.strip()) for line in text.splitlines()] or [""]
    return ("\n" + indent).join(lines)


def _heading(title: str, rule: str = "-") -> list[str]:
    return [title, rule * len(title), ""]


def _rows(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Each row as an item: its first cell, then every other column that says something."""
    lines: list[str] = []
    for row in rows:
        first, *rest = row
        lines.append(f"- {_text(first, '  ')}")
        lines += [
            f"  {label}: {_text(cell, '    ')}"
            for label, cell in zip(header[1:], rest, strict=True)
            if cell and cell != words.NONE
        ]
    return [*lines, ""]


def _items(items: Iterable[str]) -> list[str]:
    return [*(f"- {_text(i, '  ')}" for i in items), ""]


def _header(view: MinutesView) -> list[str]:
    lines = _heading(escape_control(" ".join(words.title(view).split())), "=")
    lines += [f"{label}: {_text(text, '  ')}" for label, text in words.header_facts(view)]
    return [*lines, ""]


def _section(view: MinutesView, section: words.Section) -> list[str]:
    return _heading(words.section_title(view, section).upper())


def _summary(view: MinutesView) -> list[str]:
    summary = view.session.summary
    return [*_section(view, "summary"), _text(summary, "  ") if summary else "None.", ""]


def _actions(view: MinutesView) -> list[str]:
    lines = _section(view, "actions")
    for title, commitments, reviewed in (
        (words.ACTIONS_REVIEWED, view.reviewed, True),
        (words.ACTIONS_MADE, view.made, False),
    ):
        lines += [f"{title}:", ""]
        lines += _action_rows(commitments, reviewed) if commitments else [NONE_RECORDED, ""]
    return lines


def _action_rows(commitments: Sequence[CommitmentLine], reviewed: bool) -> list[str]:
    # The owner leads each item, as people scan an email for their own name.
    rows = [words.action_row(c, reviewed) for c in commitments]
    header = words.ACTION_HEADER
    return _rows(header[1:], ((f"{owner}: {what}", *rest) for owner, what, *rest in rows))


def _key_results(view: MinutesView) -> list[str]:
    lines = _section(view, "key_results")
    if not view.objectives:
        return [*lines, NONE_RECORDED, ""]
    for objective in view.objectives:
        lines += [f"Objective: {_text(objective.title, '  ')}", ""]
        if view.quarterly:
            lines += _rows(
                words.QUARTER_KR_HEADER, map(words.quarter_kr_row, objective.key_results)
            )
        else:
            lines += _rows(words.WEEKLY_KR_HEADER, map(words.weekly_kr_row, objective.key_results))
    notes = words.checkin_notes(view)
    if notes:
        lines += ["Check-in notes:", "", *_items(f"{title}: {note}" for title, note in notes)]
    return lines


def _confidence(view: MinutesView) -> list[str]:
    lines = _section(view, "confidence")
    if not view.confidence_weeks:
        return [*lines, "No weekly check-ins this quarter.", ""]
    weeks = [words.week_label(w) for w in view.confidence_weeks]
    for k in view.key_results:
        path = " ".join(f"{w} {s}" for w, s in zip(weeks, words.history(k), strict=True))
        lines += [f"- {_text(k.kr.title, '  ')}", f"  {path}"]
    return [*lines, "", words.CONFIDENCE_LEGEND, ""]


def _scores(view: MinutesView) -> list[str]:
    lines = _section(view, "scores")
    rows = [words.score_row(k, k.score) for k in view.key_results if k.score is not None]
    if not rows:
        return [*lines, "Not scored yet.", ""]
    lines += _rows(words.SCORES_HEADER, rows)
    lines += ["Objective scores:", ""]
    scored = [o for o in view.objectives if o.score is not None]
    if not scored:
        return [*lines, "Not scored yet.", ""]
    return lines + _rows(
        words.OBJECTIVE_SCORES_HEADER,
        ((o.title, words.score(o.score), o.band or "", o.callout or "") for o in scored),
    )


def _contributions(view: MinutesView) -> list[str]:
    lines = _section(view, "contributions")
    if not view.contributions:
        return [*lines, NONE_RECORDED, ""]
    for group in view.contributions:
        lines += [f"{_text(group.title, '  ')}:", ""]
        if view.quarterly:
            lines += [f"{words.moved_by_label(group)}: {_text(', '.join(group.members), '  ')}"]
        items = []
        for c in group.items:
            week = f"(week {c.week}) " if c.week is not None else ""
            mark = "Celebrated: " if c.celebrated else ""
            items.append(f"{mark}{week}{words.said(c.member, c.text, c.sent_by)}")
        lines += _items(items)
    return lines


def _note_groups(
    view: MinutesView, section: words.Section, groups: Sequence[Group[NoteLine]]
) -> list[str]:
    lines = _section(view, section)
    if not groups:
        return [*lines, NONE_RECORDED, ""]
    for group in groups:
        lines += [
            f"{group.title}:",
            "",
            *_items(words.said(n.member, n.text, n.sent_by) for n in group.items),
        ]
    return lines


def _trainings(view: MinutesView) -> list[str]:
    lines = _section(view, "trainings")
    if not view.trainings:
        return [*lines, NONE_RECORDED, ""]
    for t in view.trainings:
        week = f" (week {t.week})" if view.quarterly and t.week is not None else ""
        lines.append(f"- {_text(t.topic, '  ')}{week}")
        lines.append(f"  Given by {_text(t.presenter, '    ')}, {t.minutes} min")
        attended = ", ".join(words.names(t.attendees, "nobody recorded"))
        lines.append(f"  Attended: {_text(attended, '    ')}")
        if t.notes:
            lines.append(f"  {_text(t.notes, '  ')}")
    if view.quarterly:
        lines += ["", f"Total: {words.trainings_total(view)}"]
    return [*lines, ""]


def _next_quarter(view: MinutesView) -> list[str]:
    lines = _section(view, "next_quarter")
    if not view.next_quarter:
        return [*lines, "Not drafted.", ""]
    lines += [words.next_quarter_saved(view), ""]
    for o in view.next_quarter:
        lines.append(f"- {_text(o.title or '(untitled objective)', '  ')}")
        if o.description:
            lines.append(f"  {_text(o.description, '  ')}")
        for kr in o.key_results:
            lines.append(f"  - {_text(f'{kr_words.title(kr)} ({kr_words.goal(kr)})', '    ')}")
    return [*lines, ""]


def _issues(view: MinutesView) -> list[str]:
    lines = _section(view, "issues")
    if not view.issues_closed and not view.issues_open:
        return [*lines, "None open.", ""]
    if view.issues_closed:
        closed = (words.issue_closed(i) for i in view.issues_closed)
        lines += [f"{words.ISSUES_CLOSED}:", "", *_items(f"{d} — {what}" for d, what in closed)]
    lines += [f"{words.ISSUES_OPEN}:", ""]
    if not view.issues_open:
        return [*lines, "None.", ""]
    return lines + _items(f"{i.text} ({words.issue_facts(i)})" for i in view.issues_open)


def _parked(view: MinutesView) -> list[str]:
    return [*_section(view, "parked"), *_items(view.parked)]


SECTIONS: dict[words.Section, Callable[[MinutesView], list[str]]] = {
    "summary": _summary,
    "scores": _scores,
    "actions": _actions,
    "key_results": _key_results,
    "confidence": _confidence,
    "contributions": _contributions,
    "experiences": lambda view: _note_groups(view, "experiences", view.experiences),
    "issues": _issues,
    "trainings": _trainings,
    "retrospective": lambda view: _note_groups(view, "retrospective", view.retrospective),
    "next_quarter": _next_quarter,
    "parked": _parked,
}


def _discussion(line: DiscussionLine) -> list[str]:
    lines = _heading(escape_control(" ".join(line.title.split())).upper())
    if line.prompt:
        lines += ["  " + _text(line.prompt, "  "), ""]  # indented: never read as a heading
    if not line.notes:
        return [*lines, NONE_RECORDED, ""]
    return lines + _items(words.said(n.member, n.text) for n in line.notes)


def plain_text(view: MinutesView) -> str:
    """Format a computed view as plain text."""
    lines = _header(view)
    for section, discussion in words.sections(view):
        lines += _discussion(discussion) if discussion is not None else SECTIONS[section](view)
    return "\n".join(lines).rstrip() + "\n"
