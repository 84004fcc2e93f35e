"""The index of an exported quarter: one line per meeting, in date order, linking its file."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

from okrtui.domain.models import Session
from okrtui.domain.text import escape_control
from okrtui.minutes import Format
from okrtui.minutes.css import CSS
from okrtui.minutes.escape import html_text, md, md_line


def _label(session: Session) -> str:
    kind = (
        f"weekly meeting, week {session.week}" if session.kind == "weekly" else "quarterly review"
    )
    unfinished = " (in progress)" if session.status != "completed" else ""
    return f"{session.date.isoformat()}: {kind}{unfinished}"


def render_index(
    team: str,
    quarter: str,
    entries: Sequence[tuple[Session, str]],
    fmt: Format,
) -> str:
    """An index of (session, file name) pairs, already in date order."""
    title = f"{team} — minutes of {quarter}"
    if fmt == "json":
        document = {
            "team": team,
            "quarter": quarter,
            "sessions": [
                {
                    "id": s.id,
                    "date": s.date.isoformat(),
                    "kind": s.kind,
                    "week": s.week,
                    "status": s.status,
                    "summary": s.summary,
                    "file": name,
                }
                for s, name in entries
            ],
        }
        return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if fmt == "html":
        items = "\n".join(
            f'<li><a href="{html.escape(name)}">{html_text(_label(s))}</a>'
            + (f" — {html_text(s.summary)}" if s.summary else "")
            + "</li>"
            for s, name in entries
        )
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(' '.join(title.split()))}</title>\n"
            f"<style>\n{CSS}\n</style>\n</head>\n<body>\n"
            f"<h1>{html_text(title)}</h1>\n<ul>\n{items}\n</ul>\n</body>\n</html>\n"
        )
    if fmt == "text":
        lines = [escape_control(title), ""]
        for s, name in entries:
            summary = f" — {escape_control(' '.join(s.summary.split()))}" if s.summary else ""
            lines.append(f"- {_label(s)}: {name}{summary}")
        return "\n".join(lines) + "\n"
    lines = [f"# {md_line(title)}", ""]
    for s, name in entries:
        summary = f" — {md(s.summary, '  ', after_label=True)}" if s.summary else ""
        # File names are slugs (letters, digits, dashes, dots): safe inside a link.
        lines.append(f"- [{md(_label(s), after_label=True)}]({name}){summary}")
    return "\n".join(lines) + "\n"
