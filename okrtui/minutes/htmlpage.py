"""Minutes as one self-contained HTML file: inline CSS, no scripts, prints on A4 and Letter."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence

from okrtui.domain import confidence as confidence_words
from okrtui.domain import kr_words
from okrtui.domain.models import Confidence
from okrtui.minutes import words
from okrtui.minutes.css import CSS
from okrtui.minutes.escape import html_cell
from okrtui.minutes.escape import html_text as t
from okrtui.minutes.lines import CommitmentLine, DiscussionLine, Group, KRLine, NoteLine
from okrtui.minutes.view import MinutesView

NONE_RECORDED = '<p class="none">None recorded.</p>'
TREND_HEADER = "Trend"


def _td(text: str, label: str, cls: str = "") -> str:
    """A cell of user or computed text, labelled with its column for the stacked layout."""
    return _cell(html_cell(text), label, cls)


def _cell(inner: str, label: str, cls: str = "") -> str:
    """A cell of already-escaped HTML."""
    klass = f' class="{cls}"' if cls else ""
    return f'<td{klass} data-label="{html.escape(label)}">{inner}</td>'


def _head(header: Sequence[str], cls: str, numbers: Sequence[str] = ()) -> list[str]:
    """A table's opening, up to its body; `cls` names the table for the style sheet.

    The headers in `numbers` head columns of numbers, aligned like them.
    """
    cells = "".join(
        f'<th class="num">{t(h)}</th>' if h in numbers else f"<th>{t(h)}</th>" for h in header
    )
    return [f'<table class="{cls}">', f"<thead><tr>{cells}</tr></thead>", "<tbody>"]


def _list(items: Iterable[str]) -> list[str]:
    """A list of already-escaped items."""
    return ["<ul>", *(f"<li>{i}</li>" for i in items), "</ul>"]


def _said(member: str, text: str, sender: str = "") -> str:
    # Each part escaped alone, so a right-to-left name or text is isolated by itself.
    said = f"{t(member)}: {t(text)}" if member else t(text)
    return said + t(words.sent_by(sender))


def _band(band: str | None) -> str:
    return f'<span class="band band-{band}">{band}</span>' if band else ""


def _confidence(state: Confidence | None, text: str, label: str) -> str:
    """A table cell of a confidence, classed by its colour (the screens' theme colour)."""
    if state is None:
        return _td(text, label, "state")
    return _td(text, label, f"state confidence-{confidence_words.COLOURS[state]}")


def _header(view: MinutesView) -> list[str]:
    facts = words.header_facts(view)
    lines = ["<header>", f"<h1>{t(words.title(view))}</h1>", '<dl class="facts">']
    lines += [f"<dt>{label}</dt><dd>{t(text)}</dd>" for label, text in facts]
    return [*lines, "</dl>", "</header>"]


def _key_results(view: MinutesView) -> list[str]:
    lines = ["<section>", f"<h2>{words.section_title(view, 'key_results')}</h2>"]
    if not view.objectives:
        return [*lines, NONE_RECORDED, "</section>"]
    for objective in view.objectives:
        lines.append(f"<h3>{t(objective.title)}</h3>")
        lines += _kr_table(objective.key_results, view.quarterly)
        if view.quarterly:
            lines += _quarter_charts(objective.key_results)
    notes = words.checkin_notes(view)
    if notes:
        lines.append("<p>Check-in notes:</p>")
        lines += _list(f"{t(title)}: {t(note)}" for title, note in notes)
    return [*lines, "</section>"]


def _kr_table(key_results: Sequence[KRLine], quarterly: bool) -> list[str]:
    # The same cells as Markdown's; the last one (a band or a confidence) in its colour.
    # A weekly meeting's rows end with the key result's trend so far, as a small chart.
    header = words.QUARTER_KR_HEADER if quarterly else (*words.WEEKLY_KR_HEADER, TREND_HEADER)
    numbers = header[1:-1] if quarterly else header[1:-2]
    lines = _head(header, "key-results quarter" if quarterly else "key-results", numbers)
    for k in key_results:
        title, *values, last = words.quarter_kr_row(k) if quarterly else words.weekly_kr_row(k)
        cells = [_td(title, header[0], "title")]
        cells += [_td(n, h, "num") for n, h in zip(values, numbers, strict=True)]
        if quarterly:
            cells.append(_cell(_band(last), header[-1], "state"))
        else:
            cells.append(_confidence(k.confidence, last, header[-2]))
            cells.append(_cell(_trend(k), TREND_HEADER, "trend"))
        lines.append(f"<tr>{''.join(cells)}</tr>")
    return [*lines, "</tbody>", "</table>"]


def _trend(line: KRLine) -> str:
    from okrtui.minutes.charts import trend_chart

    return trend_chart(line.path) if line.path is not None and line.path.values else ""


def _quarter_charts(key_results: Sequence[KRLine]) -> list[str]:
    """Each key result's path over the quarter, with a key naming its lines in words."""
    from okrtui.minutes import charts

    lines = []
    for k in key_results:
        if k.path is None:
            continue
        key = [f'<span class="key-value">━ {charts.VALUE_WORDS}</span>']
        if k.path.target_line is not None:
            key.append(f'<span class="key-target">╌ {k.path.target_word}</span>')
        if k.path.pace_line():
            key.append(f'<span class="key-pace">┈ {charts.PACE_WORDS}</span>')
        lines += [
            '<figure class="kr-chart">',
            charts.quarter_chart(k.path),
            f"<figcaption>{t(k.kr.title)} — {' '.join(key)}</figcaption>",
            "</figure>",
        ]
    return lines


def _confidence_history(view: MinutesView) -> list[str]:
    lines = ["<section>", f"<h2>{words.section_title(view, 'confidence')}</h2>"]
    if not view.confidence_weeks:
        return [*lines, '<p class="none">No weekly check-ins this quarter.</p>', "</section>"]
    header = ("Key result", *(words.week_label(w) for w in view.confidence_weeks))
    lines += _head(header, "confidence-history")
    for k in view.key_results:
        symbols = zip((c for _, c in k.confidences), words.history(k), header[1:], strict=True)
        cells = "".join(_confidence(state, symbol, week) for state, symbol, week in symbols)
        lines.append(f"<tr>{_td(k.kr.title, header[0], 'title')}{cells}</tr>")
    lines += ["</tbody>", "</table>"]
    return [*lines, f'<p class="legend">{t(words.CONFIDENCE_LEGEND)}</p>', "</section>"]


def _scores(view: MinutesView) -> list[str]:
    lines = ["<section>", f"<h2>{words.section_title(view, 'scores')}</h2>"]
    scored = [k for k in view.key_results if k.score is not None]
    if not scored:
        return [*lines, '<p class="none">Not scored yet.</p>', "</section>"]
    header = words.SCORES_HEADER
    lines += _head(header, "scores", header[1:4])
    for k in scored:
        assert k.score is not None
        title, final, computed, used, band, why = words.score_row(k, k.score)
        cells = [
            _td(title, header[0], "title"),
            _td(final, header[1], "num"),
            _td(computed, header[2], "num"),
            _td(used, header[3], "num"),
            _cell(_band(band), header[4], "state"),
            _td(why, header[5]),
        ]
        lines.append(f"<tr>{''.join(cells)}</tr>")
    lines += ["</tbody>", "</table>", "<h3>Objective scores</h3>"]
    scored_objectives = [o for o in view.objectives if o.score is not None]
    if not scored_objectives:
        return [*lines, '<p class="none">Not scored yet.</p>', "</section>"]
    labels = words.OBJECTIVE_SCORES_HEADER
    lines += _head(labels, "objective-scores", labels[1:2])
    lines += [
        "<tr>"
        + _td(o.title, labels[0], "title")
        + _td(words.score(o.score), labels[1], "num")
        + _cell(_band(o.band), labels[2], "state")
        + _td(o.callout or "", labels[3], "callout")
        + "</tr>"
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
            text = week + _said(c.member, c.text, c.sent_by)
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
        lines += _list(_said(n.member, n.text, n.sent_by) for n in group.items)
    return [*lines, "</section>"]


def _trainings(view: MinutesView) -> list[str]:
    lines = ["<section>", f"<h2>{words.section_title(view, 'trainings')}</h2>"]
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


def _action_table(lines: Sequence[CommitmentLine], reviewed: bool) -> list[str]:
    if not lines:
        return [NONE_RECORDED]
    header = words.ACTION_HEADER
    out = _head(header, "actions")
    for line in lines:
        *cells, due, state = words.action_row(line, reviewed)
        overdue = " overdue" if line.overdue_days is not None else ""
        row = [_td(v, h) for v, h in zip(cells, header, strict=False)]
        row += [_td(due, header[-2], "date"), _td(state, header[-1], f"status{overdue}")]
        out.append(f"<tr>{''.join(row)}</tr>")
    return [*out, "</tbody>", "</table>"]


def _issues(view: MinutesView) -> list[str]:
    lines = ["<section>", f"<h2>{words.section_title(view, 'issues')}</h2>"]
    if not view.issues_closed and not view.issues_open:
        return [*lines, '<p class="none">None open.</p>', "</section>"]
    if view.issues_closed:
        lines.append(f"<h3>{words.ISSUES_CLOSED}</h3>")
        closed = (words.issue_closed(i) for i in view.issues_closed)
        lines += _list(f"<strong>{t(decision)}</strong> — {t(what)}" for decision, what in closed)
    lines.append(f"<h3>{words.ISSUES_OPEN}</h3>")
    if view.issues_open:
        lines += _list(f"{t(i.text)} ({t(words.issue_facts(i))})" for i in view.issues_open)
    else:
        lines.append('<p class="none">None.</p>')
    return [*lines, "</section>"]


def _parked(view: MinutesView) -> list[str]:
    title = words.section_title(view, "parked")
    return ["<section>", f"<h2>{title}</h2>", *_list(map(t, view.parked)), "</section>"]


def _actions(view: MinutesView) -> list[str]:
    title = words.section_title(view, "actions")
    lines = ["<section>", f"<h2>{title}</h2>", f"<h3>{words.ACTIONS_REVIEWED}</h3>"]
    lines += _action_table(view.reviewed, True)
    lines += [f"<h3>{words.ACTIONS_MADE}</h3>", *_action_table(view.made, False)]
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


def _discussion(line: DiscussionLine) -> list[str]:
    lines = ["<section>", f"<h2>{t(line.title)}</h2>"]
    if line.prompt:
        lines.append(f"<p><em>{t(line.prompt)}</em></p>")
    lines += _list(_said(n.member, n.text) for n in line.notes) if line.notes else [NONE_RECORDED]
    return [*lines, "</section>"]


def _summary(view: MinutesView) -> list[str]:
    summary = t(view.session.summary) if view.session.summary else "None."
    return ['<section class="summary">', "<h2>Summary</h2>", f"<p>{summary}</p>", "</section>"]


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


def page(view: MinutesView) -> str:
    """Format a computed view as one HTML document, its sections in the agenda's order."""
    title = html.escape(" ".join(words.title(view).split()))
    body = _header(view)
    for section, discussion in words.sections(view):
        body += _discussion(discussion) if discussion is not None else SECTIONS[section](view)
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
