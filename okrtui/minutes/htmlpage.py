"""Minutes as one self-contained HTML file: inline CSS, no scripts, prints on A4 and Letter."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from okrtui.domain import confidence as confidence_words
from okrtui.domain import kr_words
from okrtui.domain.models import Confidence
from okrtui.minutes import words
from okrtui.minutes.css import CSS
from okrtui.minutes.escape import html_text as t
from okrtui.minutes.lines import CommitmentLine, Group, KRLine, NoteLine
from okrtui.minutes.view import MinutesView

NONE_RECORDED = '<p class="none">None recorded.</p>'


def _table(header: Sequence[str], numeric: str, rows: Iterable[Sequence[str]]) -> list[str]:
    """A table of escaped text; `numeric` has one letter per column, `r` for numbers."""
    cls = [' class="num"' if a == "r" else "" for a in numeric]
    lines = _head(header)
    for row in rows:
        cells = "".join(f"<td{c}>{t(v)}</td>" for c, v in zip(cls, row, strict=True))
        lines.append(f"<tr>{cells}</tr>")
    return [*lines, "</tbody>", "</table>"]


def _head(header: Sequence[str]) -> list[str]:
    """A table's opening, up to its body."""
    cells = "".join(f"<th>{t(h)}</th>" for h in header)
    return ["<table>", f"<thead><tr>{cells}</tr></thead>", "<tbody>"]


def _list(items: Iterable[str]) -> list[str]:
    """A list of already-escaped items."""
    return ["<ul>", *(f"<li>{i}</li>" for i in items), "</ul>"]


def _sent(name: str) -> str:
    return t(words.sent_by(name))


def _said(member: str, text: str) -> str:
    return f"{t(member)}: {t(text)}" if member else t(text)


def _band(band: str | None) -> str:
    return f'<span class="band band-{band}">{band}</span>' if band else ""


def _confidence(state: Confidence | None, text: str) -> str:
    """A table cell of a confidence, classed by its colour (the screens' theme colour)."""
    if state is None:
        return f"<td>{t(text)}</td>"
    return f'<td class="confidence-{confidence_words.COLOURS[state]}">{t(text)}</td>'


def _header(view: MinutesView) -> list[str]:
    facts = words.header_facts(view)
    lines = ["<header>", f"<h1>{t(words.title(view))}</h1>", '<dl class="facts">']
    lines += [f"<dt>{label}</dt><dd>{t(text)}</dd>" for label, text in facts]
    return [*lines, "</dl>", "</header>"]


def _key_results(view: MinutesView) -> list[str]:
    heading = "The quarter in numbers" if view.quarterly else "Key results"
    lines = ["<section>", f"<h2>{heading}</h2>"]
    if not view.objectives:
        return [*lines, NONE_RECORDED, "</section>"]
    for objective in view.objectives:
        lines.append(f"<h3>{t(objective.title)}</h3>")
        lines += _kr_table(objective.key_results, view.quarterly)
    notes = [k for k in view.key_results if k.note or k.sent_by]
    if notes:
        lines.append("<p>Check-in notes:</p>")
        lines += _list(
            f"{t(k.kr.title)}: {t(k.note or 'checked in')}{_sent(k.sent_by)}" for k in notes
        )
    return [*lines, "</section>"]


def _kr_table(key_results: Sequence[KRLine], quarterly: bool) -> list[str]:
    # The same cells as Markdown's; the last one (a band or a confidence) in its colour.
    lines = _head(words.QUARTER_KR_HEADER if quarterly else words.WEEKLY_KR_HEADER)
    for k in key_results:
        *cells, last = words.quarter_kr_row(k) if quarterly else words.weekly_kr_row(k)
        numbers = "".join(f'<td class="num">{t(c)}</td>' for c in cells[1:])
        coloured = f"<td>{_band(last)}</td>" if quarterly else _confidence(k.confidence, last)
        lines.append(f"<tr><td>{t(cells[0])}</td>{numbers}{coloured}</tr>")
    return [*lines, "</tbody>", "</table>"]


def _confidence_history(view: MinutesView) -> list[str]:
    lines = ["<section>", "<h2>Confidence week by week</h2>"]
    if not view.confidence_weeks:
        return [*lines, '<p class="none">No weekly check-ins this quarter.</p>', "</section>"]
    lines += _head(("Key result", *(words.week_label(w) for w in view.confidence_weeks)))
    for k in view.key_results:
        symbols = zip((c for _, c in k.confidences), words.history(k), strict=True)
        cells = "".join(_confidence(state, symbol) for state, symbol in symbols)
        lines.append(f"<tr><td>{t(k.kr.title)}</td>{cells}</tr>")
    lines += ["</tbody>", "</table>"]
    return [*lines, f'<p class="legend">{t(words.CONFIDENCE_LEGEND)}</p>', "</section>"]


def _scores(view: MinutesView) -> list[str]:
    lines = ["<section>", "<h2>Scores</h2>"]
    scored = [k for k in view.key_results if k.score is not None]
    if not scored:
        return [*lines, '<p class="none">Not scored yet.</p>', "</section>"]
    lines += ["<table>", "<thead><tr><th>Key result</th><th>Final value</th><th>Computed</th>"]
    lines += ["<th>Score</th><th>Band</th><th>Why overridden</th></tr></thead>", "<tbody>"]
    for k in scored:
        assert k.score is not None
        lines.append(
            f"<tr><td>{t(k.kr.title)}</td>"
            f'<td class="num">{t(kr_words.value(k.kr, k.score.final_value))}</td>'
            f'<td class="num">{words.score(k.score.computed)}</td>'
            f'<td class="num">{words.score(k.score.used)}</td>'
            f"<td>{_band(k.score.band)}</td>"
            f"<td>{t(k.score.rationale) if k.score.overridden else ''}</td></tr>"
        )
    lines += ["</tbody>", "</table>", "<h3>Objective scores</h3>"]
    scored_objectives = [o for o in view.objectives if o.score is not None]
    if not scored_objectives:
        return [*lines, '<p class="none">Not scored yet.</p>', "</section>"]
    lines += ["<table>", "<thead><tr><th>Objective</th><th>Score</th><th>Band</th>"]
    lines += ["<th>Call-out</th></tr></thead>", "<tbody>"]
    lines += [
        f'<tr><td>{t(o.title)}</td><td class="num">{words.score(o.score)}</td>'
        f'<td>{_band(o.band)}</td><td class="callout">{t(o.callout or "")}</td></tr>'
        for o in scored_objectives
    ]
    return [*lines, "</tbody>", "</table>", "</section>"]


def _contributions(view: MinutesView) -> list[str]:
    lines = ["<section>", "<h2>Celebrations and contributions</h2>"]
    if not view.contributions:
        return [*lines, NONE_RECORDED, "</section>"]
    for group in view.contributions:
        lines.append(f"<h3>{t(group.title)}</h3>")
        if view.quarterly:
            label = words.moved_by_label(group)
            names = t(", ".join(group.members))
            lines.append(f'<p class="moved-by"><strong>{label}:</strong> {names}</p>')
        items = []
        for c in group.items:
            week = f"(week {c.week}) " if c.week is not None else ""
            text = week + _said(c.member, c.text) + _sent(c.sent_by)
            items.append(
                f'<span class="celebrated">🎉 Celebrated:</span> {text}' if c.celebrated else text
            )
        lines += _list(items)
    return [*lines, "</section>"]


def _note_groups(title: str, groups: Sequence[Group[NoteLine]]) -> list[str]:
    lines = ["<section>", f"<h2>{title}</h2>"]
    if not groups:
        return [*lines, NONE_RECORDED, "</section>"]
    for group in groups:
        lines.append(f"<h3>{t(group.title)}</h3>")
        lines += _list(_said(n.member, n.text) + _sent(n.sent_by) for n in group.items)
    return [*lines, "</section>"]


def _trainings(view: MinutesView) -> list[str]:
    lines = ["<section>", f"<h2>{'Trainings held' if view.quarterly else 'Training'}</h2>"]
    if not view.trainings:
        return [*lines, NONE_RECORDED, "</section>"]
    items = []
    for tr in view.trainings:
        week = f" (week {tr.week})" if view.quarterly and tr.week is not None else ""
        attended = ", ".join(words.names(tr.attendees, "nobody recorded"))
        details = [f"Given by {t(tr.presenter)}, {tr.minutes} min", f"Attended: {t(attended)}"]
        if tr.notes:
            details.append(t(tr.notes))
        inner = "".join(f"<li>{d}</li>" for d in details)
        items.append(f"<strong>{t(tr.topic)}</strong>{week}<ul>{inner}</ul>")
    lines += _list(items)
    if view.quarterly:
        lines.append(f'<p class="total"><strong>Total:</strong> {words.trainings_total(view)}</p>')
    return [*lines, "</section>"]


def _commitment(line: CommitmentLine, reviewed: bool) -> str:
    if not line.text:
        status = words.status(line.status).capitalize()
        return f"{status} — commitment {t(line.commitment_id)} (its meeting is gone)"
    text = f"{_said(line.owner, line.text)} ({t(words.commitment_facts(line))})"
    text += _sent(line.sent_by)
    status = words.status(line.status).capitalize()
    return f"<strong>{status}</strong> — {text}" if reviewed else text


def _commitments(view: MinutesView) -> list[str]:
    lines = ["<section>", "<h2>Commitments reviewed</h2>"]
    lines += (
        _list(_commitment(c, True) for c in view.reviewed) if view.reviewed else [NONE_RECORDED]
    )
    lines += ["</section>", "<section>", "<h2>Commitments made</h2>"]
    lines += _list(_commitment(c, False) for c in view.made) if view.made else [NONE_RECORDED]
    return [*lines, "</section>"]


def _next_quarter(view: MinutesView) -> list[str]:
    lines = ["<section>", "<h2>Next quarter</h2>"]
    if not view.next_quarter:
        return [*lines, '<p class="none">Not drafted.</p>', "</section>"]
    saved = "saved" if view.next_quarter_saved else "draft"
    lines.append(f'<p class="{saved}">{t(words.next_quarter_saved(view))}</p>')
    items = []
    for o in view.next_quarter:
        krs = "".join(
            f"<li>{t(kr_words.title(kr))} ({t(kr_words.goal(kr))})</li>" for kr in o.key_results
        )
        description = f"<div>{t(o.description)}</div>" if o.description else ""
        inner = f"<ul>{krs}</ul>" if krs else ""
        items.append(f"<strong>{t(o.title or '(untitled objective)')}</strong>{description}{inner}")
    return [*lines, *_list(items), "</section>"]


def page(view: MinutesView) -> str:
    """Format a computed view as one HTML document."""
    title = html.escape(" ".join(words.title(view).split()))
    body = _header(view) + _key_results(view)
    if view.quarterly:
        body += _confidence_history(view) + _scores(view)
    body += _contributions(view)
    if not view.quarterly or view.experiences:
        body += _note_groups("Experiences", view.experiences)
    body += _trainings(view)
    if not view.quarterly or view.reviewed or view.made:
        body += _commitments(view)
    if view.quarterly:
        body += _note_groups("Retrospective", view.retrospective) + _next_quarter(view)
    summary = t(view.session.summary) if view.session.summary else "None."
    body += ["<section>", "<h2>Summary</h2>", f"<p>{summary}</p>", "</section>"]
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"
