"""Minutes as Markdown: reads top-down like the meeting; pastes into a wiki or an email."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from okrtui.domain import kr_words
from okrtui.minutes import words
from okrtui.minutes.escape import md, md_cell, md_line
from okrtui.minutes.lines import CommitmentLine, Group, NoteLine
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


def _item(text: str) -> str:
    return f"- {md(text, indent='  ')}"


def _said(member: str, text: str) -> str:
    return f"{member}: {text}" if member else text


def _checkin_note(title: str, note: str, sent_by: str) -> str:
    return f"{title}: {note or 'checked in'}{words.sent_by(sent_by)}"


def _header(view: MinutesView) -> list[str]:
    facts = words.header_facts(view)
    lines = [f"# {md_line(words.title(view))}", ""]
    lines += [f"- **{label}:** {md(text, '  ', after_label=True)}" for label, text in facts]
    return [*lines, ""]


def _key_results(view: MinutesView) -> list[str]:
    heading = "The quarter in numbers" if view.quarterly else "Key results"
    lines = [f"## {heading}", ""]
    if not view.objectives:
        return [*lines, NONE_RECORDED, ""]
    for objective in view.objectives:
        lines += [f"### {md_line(objective.title)}", ""]
        if view.quarterly:
            lines += _table(
                words.QUARTER_KR_HEADER,
                "lrrrrrl",
                map(words.quarter_kr_row, objective.key_results),
            )
        else:
            lines += _table(
                words.WEEKLY_KR_HEADER, "lrrrrrl", map(words.weekly_kr_row, objective.key_results)
            )
    notes = [k for k in view.key_results if k.note or k.sent_by]
    if notes:
        lines += ["Check-in notes:", ""]
        lines += [_item(_checkin_note(k.kr.title, k.note, k.sent_by)) for k in notes]
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
    lines = ["## Scores", ""]
    scored = [k for k in view.key_results if k.score is not None]
    if not scored:
        return [*lines, "Not scored yet.", ""]
    header = ("Key result", "Final value", "Computed", "Score", "Band", "Why overridden")
    rows = []
    for k in scored:
        assert k.score is not None
        rows.append(
            (
                k.kr.title,
                kr_words.value(k.kr, k.score.final_value),
                words.score(k.score.computed),
                words.score(k.score.used),
                k.score.band,
                k.score.rationale if k.score.overridden else "",
            )
        )
    lines += _table(header, "lrrrll", rows)
    lines += ["### Objective scores", ""]
    scored_objectives = [o for o in view.objectives if o.score is not None]
    if not scored_objectives:
        return [*lines, "Not scored yet.", ""]
    return lines + _table(
        ("Objective", "Score", "Band", "Call-out"),
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
            said = week + _said(c.member, c.text) + words.sent_by(c.sent_by)
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
        lines += [_item(_said(n.member, n.text) + words.sent_by(n.sent_by)) for n in group.items]
        lines.append("")
    return lines


def _trainings(view: MinutesView) -> list[str]:
    lines = ["## Trainings held" if view.quarterly else "## Training", ""]
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


def _commitment(line: CommitmentLine, reviewed: bool) -> str:
    if not line.text:
        status = words.status(line.status).capitalize()
        return _item(f"{status} — commitment {line.commitment_id} (its meeting is gone)")
    text = f"{_said(line.owner, line.text)} ({words.commitment_facts(line)})"
    text += words.sent_by(line.sent_by)
    return _item(f"{words.status(line.status).capitalize()} — {text}" if reviewed else text)


def _commitments(view: MinutesView) -> list[str]:
    lines = ["## Commitments reviewed", ""]
    lines += [_commitment(c, True) for c in view.reviewed] or [NONE_RECORDED]
    lines += ["", "## Commitments made", ""]
    lines += [_commitment(c, False) for c in view.made] or [NONE_RECORDED]
    return [*lines, ""]


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


def markdown(view: MinutesView) -> str:
    """Format a computed view as Markdown."""
    lines = _header(view) + _key_results(view)
    if view.quarterly:
        lines += _confidence_history(view) + _scores(view)
    lines += _contributions(view)
    if not view.quarterly or view.experiences:
        lines += _note_groups("Experiences", view.experiences)
    lines += _trainings(view)
    if not view.quarterly or view.reviewed or view.made:
        lines += _commitments(view)
    if view.quarterly:
        lines += _note_groups("Retrospective", view.retrospective) + _next_quarter(view)
    lines += ["## Summary", "", md(view.session.summary) if view.session.summary else "None."]
    return "\n".join(lines).rstrip() + "\n"
