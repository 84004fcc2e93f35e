"""Minutes as JSON: the session record plus what was computed from it, for other tools.

Keys are sorted, so the same session always gives the same bytes; lists keep the order the
other formats show (the summary and action items are top-level keys beside the detail).
"""

from __future__ import annotations

import json
from typing import Any

from okrtui.minutes.lines import CommitmentLine, IssueLine, KRLine, ObjectiveLine
from okrtui.minutes.view import MinutesView

FORMAT = "okrtui-minutes"
# 2: the quarter's change is from the baseline (was: from the first check-in), and the
# action items (commitments made and reviewed, with how overdue) are listed.
FORMAT_VERSION = 2


def _kr(line: KRLine) -> dict[str, Any]:
    score = line.score
    return {
        "kr_id": line.kr.id,
        "title": line.kr.title,
        "kind": line.kr.kind,
        "unit": line.kr.unit,
        "baseline": line.kr.baseline,
        "target": line.kr.target,
        "weight": line.kr.weight,
        "previous": line.previous,
        "value": line.value,
        "delta": line.delta,
        "progress": line.progress,
        "confidence": line.confidence,
        "note": line.note,
        "sent_by": line.sent_by or None,
        "score": None
        if score is None
        else {
            "final_value": score.final_value,
            "computed": score.computed,
            "used": score.used,
            "overridden": score.overridden,
            "band": score.band,
            "rationale": score.rationale,
        },
        "confidence_history": [{"week": w, "confidence": c} for w, c in line.confidences],
    }


def _quarter_kr(line: KRLine) -> dict[str, Any]:
    # A review's key result over the whole quarter, beside the weekly-style fields.
    return {
        **_kr(line),
        "quarter": {
            "baseline": line.kr.baseline,
            "first_value": line.first,
            "final_value": line.final,
            "change_from_baseline": line.quarter_change,
        },
    }


def _objective(view: MinutesView, o: ObjectiveLine) -> dict[str, Any]:
    record: dict[str, Any] = {
        "objective_id": o.objective_id,
        "title": o.title,
        "score": o.score,
        "band": o.band,
        "key_results": [(_quarter_kr if view.quarterly else _kr)(k) for k in o.key_results],
    }
    if view.quarterly:
        record["callout"] = o.callout
    return record


def _quarter(view: MinutesView) -> dict[str, Any]:
    """What only a quarterly review adds: the roll-up by key result, trainings, the draft."""
    return {
        "contributions_by_kr": [
            {
                "kr_id": None if group.key == "general" else group.key,
                "title": group.title,
                "moved_by": list(group.members),
                "contributions": [
                    {
                        "member": c.member,
                        "text": c.text,
                        "celebrated": c.celebrated,
                        "week": c.week,
                        "sent_by": c.sent_by or None,
                    }
                    for c in group.items
                ],
            }
            for group in view.contributions
        ],
        "trainings_held": {
            "count": len(view.trainings),
            "total_minutes": view.training_minutes,
            "trainings": [
                {
                    "topic": tr.topic,
                    "presenter": tr.presenter,
                    "minutes": tr.minutes,
                    "attendees": list(tr.attendees),
                    "week": tr.week,
                }
                for tr in view.trainings
            ],
        },
        "next_quarter": {
            "quarter": view.next_quarter_id,
            "saved_into_plan": view.next_quarter_saved,
        },
    }


def _action(c: CommitmentLine) -> dict[str, Any]:
    # `overdue_days` as on the meeting's date; None when not overdue.
    return {
        "commitment_id": c.commitment_id,
        "status": c.status,
        "kind": c.kind or None,
        "owner": c.owner or None,
        "text": c.text or None,
        "kr": c.kr_title or None,
        "due": c.due.isoformat() if c.due else None,
        "overdue_days": c.overdue_days,
    }


def document(view: MinutesView) -> dict[str, Any]:
    """The JSON-ready dictionary of a computed view."""
    s = view.session
    extra = _quarter(view) if view.quarterly else {}
    return {
        **extra,
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "team": view.team,
        "present": list(view.present),
        "absent": list(view.absent),
        "duration_seconds": s.duration_seconds,
        "average_rating": view.average_rating,
        "amended": [{"at": a.at.isoformat(), "by": a.by} for a in s.amended],
        "objectives": [_objective(view, o) for o in view.objectives],
        "summary": s.summary,
        "commitments_reviewed": [_action(c) for c in view.reviewed],
        "commitments_made": [_action(c) for c in view.made],
        # The agenda the meeting ran with, each step's timebox beside the time it took.
        "agenda": [
            {
                "key": step.key,
                "title": step.title,
                "minutes": step.minutes,
                "discussion": step.discussion,
                "seconds_spent": s.step_seconds.get(step.key, 0.0),
            }
            for step in view.steps
        ],
        "discussions": [
            {
                "key": d.key,
                "title": d.title,
                "prompt": d.prompt,
                "notes": [{"owner": n.member or None, "text": n.text} for n in d.notes],
            }
            for d in view.discussions
        ],
        "issues_closed": [_issue(i) for i in view.issues_closed],
        "issues_open": [_issue(i) for i in view.issues_open],
        "parked": list(view.parked),
        "session": s.model_dump(mode="json"),
    }


def _issue(line: IssueLine) -> dict[str, Any]:
    return {
        "text": line.text,
        "owner": line.owner or None,
        "raised_on": line.raised_on.isoformat(),
        "decision": line.decision,
        "resolution": line.resolution or None,
    }


def dumps(view: MinutesView) -> str:
    """The JSON text of a computed view."""
    return json.dumps(document(view), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
