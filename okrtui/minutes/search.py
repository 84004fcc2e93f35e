"""Text search over what a meeting recorded: summary, notes, contributions, trainings,
commitments and the notes of its discussion steps.

Pure functions, so the history screen and its tests share one idea of "matches".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from okrtui.domain.models import Session

SNIPPET_CHARS = 70


@dataclass(frozen=True)
class Match:
    """Where a query was found: the field, its text and the spans of each word found."""

    where: str
    text: str
    spans: tuple[tuple[int, int], ...]

    def snippet(self, width: int = SNIPPET_CHARS) -> tuple[str, tuple[tuple[int, int], ...]]:
        """A window of the text around the first match, with spans shifted to fit it."""
        text = " ".join(self.text.split())  # one line for a table cell
        spans = _find_spans(text, [self.text[a:b] for a, b in self.spans])
        if len(text) <= width or not spans:
            return text, spans
        start = max(0, min(spans[0][0] - width // 3, len(text) - width))
        prefix = "…" if start else ""
        window = text[start : start + width]
        suffix = "…" if start + width < len(text) else ""
        shift = len(prefix) - start
        inside = tuple(
            (a + shift, min(b, start + width) + shift)
            for a, b in spans
            if start <= a < start + width
        )
        return prefix + window + suffix, inside


def texts(session: Session) -> Iterator[tuple[str, str]]:
    """Every searchable text of a session, with a word for where it came from."""
    if session.summary:
        yield "summary", session.summary
    for note in session.notes:
        yield note.kind.replace("_", " "), note.text
    for checkin in session.checkins:
        if checkin.note:
            yield "check-in note", checkin.note
    for contribution in session.contributions:
        yield "contribution", contribution.text
    for training in session.trainings:
        yield "training", training.topic
        if training.notes:
            yield "training notes", training.notes
    for commitment in session.commitments:
        yield "commitment", commitment.text
    for discussed in session.discussion_notes:
        yield "discussion", discussed.text


def words(query: str) -> list[str]:
    """The words of a query, case-folded."""
    return [w.casefold() for w in query.split()]


def haystack(session: Session) -> str:
    """All of a session's searchable text, case-folded: for a quick yes-or-no test."""
    return "\n".join(text for _, text in texts(session)).casefold()


def contains_all(folded: str, wanted: list[str]) -> bool:
    """Whether every (case-folded) word occurs in a haystack."""
    return all(word in folded for word in wanted)


def search(session: Session, query: str) -> list[Match]:
    """Texts of the session holding any word of the query; [] unless every word occurs."""
    wanted = words(query)
    if not wanted:
        return []
    found: list[Match] = []
    seen: set[str] = set()
    for where, text in texts(session):
        spans = _find_spans(text, wanted)
        if spans:
            found.append(Match(where, text, spans))
            folded = text.casefold()
            seen.update(w for w in wanted if w in folded)
    return found if seen == set(wanted) else []


def _find_spans(text: str, wanted: list[str]) -> tuple[tuple[int, int], ...]:
    folded = text.casefold()
    spans: list[tuple[int, int]] = []
    for word in wanted:
        if not word:
            continue
        folded_word = word.casefold()
        start = folded.find(folded_word)
        while start != -1:
            spans.append((start, start + len(folded_word)))
            start = folded.find(folded_word, start + len(folded_word))
    return tuple(sorted(spans))
