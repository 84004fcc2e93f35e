"""Minutes as Markdown: reads top-down like the meeting; pastes into a wiki or an email."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from okrtui.domain import kr_words
from okrtui.minutes import words
from okrtui.minutes.escape import md, md_cell, md_line
from okrtui.minutes.lines import CommitmentLine, DiscussionLine, Group, NoteLine
from okrtui.minutes.view import MinutesView

NONE_RECORDED = "None recorded."


def _table(header: Sequence[str], align: str, rows: Iterable[Sequence[str]]) -> list[str]:
    """A pipe table; `align` has one letter per column: l(eft) or r(ight)."""
    rule = {"l": "---", "r": "--:"}
    lines = [
        "| " + " | ".join(md_cell(h) for h in header) + " |",
        "|" + "|".join(rule[a] for a in align) + "|",
    ]
    lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _stacked(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A table as a list: each row's first cell in bold, its other cells named beneath."""
    lines = []
    for first, *rest in rows:
        facts = " · ".join(
            f"{name} {value}" for name, value in zip(header[1:], rest, strict=True) if value
        )
        lines += [f"- **{md_line(first)}**", f"  - {md(facts, indent='    ')}"]
    return [*lines, ""]


def _item(text: str) -> str:
    return f"- {md(text, indent='  ')}"


def _header(view: MinutesView) -> list[str]:
    facts = words.header_facts(view)
    lines = [f"# {md_line(words.title(view))}", ""]
    lines += [f"- **{label}:** {md(text, '  ', after_label=True)}" for label, text in facts]
    return [*lines, ""]


def _key_results(view: MinutesView, stacked: bool = False) -> list[str]:
    lines = [f"## {words.section_title(view, 'key_results')}", ""]
    if not view.objectives:
        return [*lines, NONE_RECORDED, ""]
    for objective in view.objectives:
        lines += [f"### {md_line(objective.title)}", ""]
        header = words.QUARTER_KR_HEADER if view.quarterly else words.WEEKLY_KR_HEADER
        row = words.quarter_kr_row if view.quarterly else words.weekly_kr_row
        rows = map(row, objective.key_results)
        lines += _stacked(header, rows) if stacked else _table(header, "lrrrrrl", rows)
    notes = words.checkin_notes(view)
    if notes:
        lines += ["Check-in notes:", ""]
        lines += [_item(f"{title}: {note}") for title, note in notes]
        lines.append("")
    return lines


def _confidence_history(view: MinutesView) -> list[str]:
    lines = ["## Confidence week by week", ""]
    if not view.confidence_weeks:
        return [*lines, "No weekly check-ins this quarter.", ""]
    header = ("Key result", *(words.week_label(w) for w in view.confidence_weeks))
    rows = ((k.kr.title, *words.history(k)) for k in view.key_results)
    lines += _table(header, "l" * len(header), rows)
    return [*lines, md(words.CONFIDENCE_LEGEND), ""]


def _scores(view: MinutesView) -> list[str]:
    lines = [f"## {words.section_title(view, 'scores')}", ""]
    scored = [k for k in view.key_results if k.score is not None]
    if not scored:
        return [*lines, "Not scored yet.", ""]
    rows = [words.score_row(k, k.score) for k in scored if k.score is not None]
    lines += _table(words.SCORES_HEADER, "lrrrll", rows)
    lines += ["### Objective scores", ""]
    scored_objectives = [o for o in view.objectives if o.score is not None]
    if not scored_objectives:
        return [*lines, "Not scored yet.", ""]
    return lines + _table(
        words.OBJECTIVE_SCORES_HEADER,
        "lrll",
        ((o.title, words.score(o.score), o.band or "", o.callout or "") for o in scored_objectives),
    )


def _contributions(view: MinutesView) -> list[str]:
    lines = ["## Celebrations and contributions", ""]
    if not view.contributions:
        return [*lines, NONE_RECORDED, ""]
    for group in view.contributions:
        lines += [f"### {md_line(group.title)}", ""]
        if view.quarterly:
            label = words.moved_by_label(group)
            lines += [f"**{label}:** {md(', '.join(group.members), after_label=True)}", ""]
        for c in group.items:
            week = f"(week {c.week}) " if c.week is not None else ""
            mark = "🎉 **Celebrated:** " if c.celebrated else ""
            said = week + words.said(c.member, c.text, c.sent_by)
            text = md(said, "  ", after_label=bool(mark))
            lines.append(f"- {mark}{text}")
        lines.append("")
    return lines


def _note_groups(title: str, groups: Sequence[Group[NoteLine]]) -> list[str]:
    lines = [f"## {title}", ""]
    if not groups:
        return [*lines, NONE_RECORDED, ""]
    for group in groups:
        lines += [f"### {md_line(group.title)}", ""]
        lines += [_item(words.said(n.member, n.text, n.sent_by)) for n in group.items]
        lines.append("")
    return lines


def _trainings(view: MinutesView) -> list[str]:
    lines = [f"## {words.section_title(view, 'trainings')}", ""]
    if not view.trainings:
        return [*lines, NONE_RECORDED, ""]
    for t in view.trainings:
        # A review lists the quarter's trainings: say which week each was given in.
        week = f" (week {t.week})" if view.quarterly and t.week is not None else ""
        lines.append(f"- **{md_line(t.topic)}**{week}")
        lines.append(f"  - {md(f'Given by {t.presenter}, {t.minutes} min', indent='    ')}")
        attended = ", ".join(words.names(t.attendees, "nobody recorded"))
        lines.append(f"  - {md(f'Attended: {attended}', indent='    ')}")
        if t.notes:
            lines.append(f"  - {md(t.notes, indent='    ')}")
    if view.quarterly:
        lines += ["", f"**Total:** {words.trainings_total(view)}"]
    return [*lines, ""]


def _action_table(lines: Sequence[CommitmentLine], reviewed: bool) -> list[str]:
    if not lines:
        return [NONE_RECORDED, ""]
    rows = (words.action_row(c, reviewed) for c in lines)
    return _table(words.ACTION_HEADER, "llllll", rows)


def _issues(view: MinutesView) -> list[str]:
    lines = [f"## {words.section_title(view, 'issues')}", ""]
    if not view.issues_closed and not view.issues_open:
        return [*lines, "None open.", ""]
    if view.issues_closed:
        lines += [f"### {words.ISSUES_CLOSED}", ""]
        for i in view.issues_closed:
            decision, what = words.issue_closed(i)
            lines.append(_item(f"{decision} — {what}"))
        lines.append("")
    lines += [f"### {words.ISSUES_OPEN}", ""]
    lines += [_item(f"{i.text} ({words.issue_facts(i)})") for i in view.issues_open] or ["None."]
    return [*lines, ""]


def _parked(view: MinutesView) -> list[str]:
    return [f"## {words.section_title(view, 'parked')}", "", *map(_item, view.parked), ""]


def _actions(view: MinutesView) -> list[str]:
    lines = ["## Action items", "", f"### {words.ACTIONS_REVIEWED}", ""]
    lines += _action_table(view.reviewed, True)
    lines += [f"### {words.ACTIONS_MADE}", ""]
    return lines + _action_table(view.made, False)


def _next_quarter(view: MinutesView) -> list[str]:
    lines = ["## Next quarter", ""]
    if not view.next_quarter:
        return [*lines, "Not drafted.", ""]
    lines += [words.next_quarter_saved(view), ""]
    for o in view.next_quarter:
        lines.append(_item(o.title or "(untitled objective)"))
        if o.description:
            lines.append(f"  {md(o.description, indent='  ')}")
        for kr in o.key_results:
            text = f"{kr_words.title(kr)} ({kr_words.goal(kr)})"
            lines.append(f"  - {md(text, indent='    ')}")
    return [*lines, ""]


def _discussion(line: DiscussionLine) -> list[str]:
    lines = [f"## {md_line(line.title)}", ""]
    if line.prompt:
        lines += [f"*{md_line(line.prompt)}*", ""]
    lines += [_item(words.said(n.member, n.text)) for n in line.notes] or [NONE_RECORDED]
    return [*lines, ""]


def _summary(view: MinutesView) -> list[str]:
    summary = view.session.summary
    return ["## Summary", "", md(summary) if summary else "None.", ""]


def _experiences(view: MinutesView) -> list[str]:
    return _note_groups("Experiences", view.experiences)


def _retrospective(view: MinutesView) -> list[str]:
    return _note_groups("Retrospective", view.retrospective)


SECTIONS: dict[words.Section, Callable[[MinutesView], list[str]]] = {
    "summary": _summary,
    "scores": _scores,
    "actions": _actions,
    "key_results": _key_results,
    "confidence": _confidence_history,
    "contributions": _contributions,
    "experiences": _experiences,
    "issues": _issues,
    "trainings": _trainings,
    "retrospective": _retrospective,
    "next_quarter": _next_quarter,
    "parked": _parked,
}


def markdown(view: MinutesView, *, stacked: bool = False) -> str:
    """Format a computed view as Markdown (`stacked`: key results as lists, not a table)."""
    lines = _header(view)
    for section, discussion in words.sections(view):
        if discussion is not None:
            lines += _discussion(discussion)
        elif section == "key_results":
            lines += _key_results(view, stacked)
        else:
            lines += SECTIONS[section](view)
    return "\n".join(lines).rstrip() + "\n"
