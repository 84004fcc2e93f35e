"""Minutes as JSON: the session record plus what was computed from it, for other tools.

Keys are sorted, so the same session always gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from okrtui.minutes.lines import KRLine, ObjectiveLine
from okrtui.minutes.view import MinutesView

FORMAT = "okrtui-minutes"
FORMAT_VERSION = 1


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
            "first_value": line.first,
            "final_value": line.final,
            "change": line.quarter_change,
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
        "commitments_reviewed": [
            {
                "commitment_id": c.commitment_id,
                "status": c.status,
                "kind": c.kind or None,
                "owner": c.owner or None,
                "text": c.text or None,
                "due": c.due.isoformat() if c.due else None,
            }
            for c in view.reviewed
        ],
        "session": s.model_dump(mode="json"),
    }


def dumps(view: MinutesView) -> str:
    """The JSON text of a computed view."""
    return json.dumps(document(view), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
