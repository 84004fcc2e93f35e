"""The parking lot: topics raised and not discussed, kept for the team's next meeting.

A meeting parks topics into `Session.parked`; the team's store keeps them until a later
meeting takes one up or drops it (`Session.topic_reviews`). `topics_after_meeting` says
what the stored topics become after a meeting, as `issues.issues_after_meeting` does for
issues: applying it again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from okrtui.domain.ids import new_id
from okrtui.domain.models import ParkedTopic, Session, TopicReview, TopicStatus


def park_topic(session: Session, text: str) -> Session:
    """Park a topic at this meeting; ValueError (in plain words) when the line is empty."""
    line = " ".join(text.split())
    topic = ParkedTopic(
        id=new_id("p"),
        team_id=session.team_id,
        text=line,
        parked_in=session.id,
        parked_on=session.date,
    )
    return session.model_copy(update={"parked": [*session.parked, topic]})


def unpark_topic(session: Session, topic_id: str) -> Session:
    """Take back a topic parked at this meeting."""
    return session.model_copy(update={"parked": [t for t in session.parked if t.id != topic_id]})


def review_topic(session: Session, topic_id: str, status: TopicStatus) -> Session:
    """Record what this meeting did with a topic parked earlier (`parked` undoes it)."""
    reviews = [r for r in session.topic_reviews if r.topic_id != topic_id]
    if status != "parked":
        reviews.append(TopicReview(topic_id=topic_id, status=status))
    return session.model_copy(update={"topic_reviews": reviews})


def still_parked(stored: Iterable[ParkedTopic]) -> list[ParkedTopic]:
    """The topics still waiting, oldest first: what a new meeting is offered."""
    return sorted(
        (t for t in stored if t.status == "parked"), key=lambda t: (t.parked_on, t.parked_in)
    )


def topics_to_offer(session: Session) -> list[ParkedTopic]:
    """The topics parked at earlier meetings that this meeting has not yet taken up or
    dropped: what a step offers at the start of the meeting."""
    done = {r.topic_id for r in session.topic_reviews}
    return [t for t in session.offered_topics if t.id not in done]


def topics_after_meeting(session: Session, stored: Sequence[ParkedTopic]) -> list[ParkedTopic]:
    """The team's topics that `session` creates or changes, given those stored now.

    A topic parked here is stored; one taken back is dropped. A topic taken up or dropped
    here is closed by this meeting; a decision undone puts it back in the lot, unless
    another meeting closed it.
    """
    current = {t.id: t for t in stored if t.team_id == session.team_id}
    result: dict[str, ParkedTopic] = {}
    mine = {t.id: t for t in session.parked}
    for topic in session.parked:
        existing = current.get(topic.id)
        result[topic.id] = existing.model_copy(update={"text": topic.text}) if existing else topic
    for topic in current.values():
        if topic.parked_in == session.id and topic.id not in mine and topic.status == "parked":
            result[topic.id] = topic.model_copy(
                update={"status": "dropped", "closed_in": session.id}
            )
    reviews = {r.topic_id: r.status for r in session.topic_reviews}
    for tid, topic in current.items():
        if topic.parked_in == session.id:
            continue
        decided = reviews.get(tid)
        if decided is not None and (topic.status == "parked" or topic.closed_in == session.id):
            result[tid] = topic.model_copy(update={"status": decided, "closed_in": session.id})
        elif decided is None and topic.closed_in == session.id:
            result[tid] = topic.model_copy(update={"status": "parked", "closed_in": None})
    return [t for tid, t in result.items() if current.get(tid) != t]
