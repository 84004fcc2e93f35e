"""A table of meetings, newest first, with search matches highlighted in the last column."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

from okrtui.domain.models import Session
from okrtui.domain.text import one_line
from okrtui.minutes.search import SNIPPET_CHARS, search
from okrtui.tui.widgets.plain_text import cell

MATCH_STYLE = "bold reverse"
COLUMNS = ("Date", "Team", "Meeting", "Status", "Facilitator", "Summary or match")
# The least text shown around a match, however narrow the screen.
MIN_MATCH_CELLS = 20


def meeting_label(session: Session) -> str:
    """`weekly · W6` or `quarterly`."""
    return f"weekly · W{session.week}" if session.kind == "weekly" else "quarterly"


class SessionTable(DataTable[str | Text]):
    """Meetings as rows keyed by session id; `show` replaces the rows."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.add_columns(*COLUMNS)

    def show(self, sessions: Sequence[Session], team_names: dict[str, str], query: str) -> None:
        """Show these sessions (already filtered and ordered), keeping the cursor's session."""
        keep = self.current_id
        self.clear()
        rows = [
            (
                session,
                (
                    session.date.isoformat(),
                    cell(team_names.get(session.team_id, session.team_name or session.team_id)),
                    meeting_label(session),
                    session.status.replace("_", " "),
                    cell(session.facilitator),
                ),
            )
            for session in sessions
        ]
        room = self._room_for_last_column([first for _, first in rows])
        for session, first in rows:
            self.add_row(*first, _last_cell(session, query, room), key=session.id)
        if keep is not None and keep in self.rows:
            self.move_cursor(row=self.get_row_index(keep))

    def _room_for_last_column(self, rows: Sequence[Sequence[str | Text]]) -> int:
        """Cells left for the match once the other columns take their widest text.

        A match cut at the table's right edge hides the matched word on a narrow screen:
        its window of text is made to fit what is left instead.
        """
        widths = [
            max([cell_len(str(name)), *(cell_len(str(row[i])) for row in rows)])
            for i, name in enumerate(COLUMNS[:-1])
        ]
        padding = 2 * self.cell_padding
        used = sum(width + padding for width in widths) + padding
        return max(MIN_MATCH_CELLS, (self.scrollable_content_region.width or 120) - used)

    @property
    def current_id(self) -> str | None:
        """The session id under the cursor, if any."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None


def _last_cell(session: Session, query: str, room: int) -> Text:
    if not query.strip():
        return Text(one_line(" ".join(session.summary.split())), overflow="ellipsis", no_wrap=True)
    matches = search(session, query)
    if not matches:
        return Text("")
    where = f"{matches[0].where}: "
    more = f"  (+{len(matches) - 1} more)" if len(matches) > 1 else ""
    # Short of room, the matched words win over saying where they were and how many more.
    if room - len(where) - len(more) < MIN_MATCH_CELLS:
        more = ""
    if room - len(where) < MIN_MATCH_CELLS:
        where = ""
    snippet, spans = matches[0].snippet(
        min(SNIPPET_CHARS, max(MIN_MATCH_CELLS, room - len(where) - len(more)))
    )
    text = cell(where, style="dim")
    # Piece by piece, so a control character written visibly never shifts a highlight.
    at = 0
    for start, end in spans:
        text.append_text(cell(snippet[at:start]))
        text.append_text(cell(snippet[start:end], style=MATCH_STYLE))
        at = end
    text.append_text(cell(snippet[at:]))
    if more:
        text.append(more, style="dim")
    return text
