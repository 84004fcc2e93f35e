"""Files from before key results recorded what they continue: linked once, after a backup."""

from __future__ import annotations

import json
from pathlib import Path

from okrtui.domain.lineage import kr_line
from okrtui.store import SCHEMA_VERSION, Repository


def _objective(quarter: str, kr_id: str, title: str) -> dict[str, object]:
    return {
        "id": f"obj-{quarter}",
        "team_id": "sales",
        "quarter": quarter,
        "title": "Grow",
        "key_results": [
            {"id": kr_id, "title": title, "kind": "increase", "baseline": 0, "target": 10}
        ],
    }


def test_carried_key_results_are_linked_by_a_migration_that_writes_a_backup_first(
    tmp_path: Path,
) -> None:
    old = {
        "meta": {"1": {"schema_version": 1}},
        "teams": {"1": {"id": "sales", "name": "Sales", "members": []}},
        "objectives": {
            "1": _objective("2026-Q3", "kr-q3", "Upgrades"),
            "2": _objective("2026-Q4", "kr-q4", "Upgrades"),
            "3": _objective("2027-Q2", "kr-far", "Upgrades"),  # not the next quarter
        },
    }
    plan_file = tmp_path / "okrtui.json"
    plan_file.write_text(json.dumps(old))

    repository = Repository.open(tmp_path)
    objectives = repository.objectives("sales", include_archived=True)

    q4 = next(o for o in objectives if o.quarter == "2026-Q4").key_results[0]
    assert q4.continues == "kr-q3"
    assert [p.quarter for p in kr_line(objectives, "sales", "2026-Q4", q4)] == [
        "2026-Q3",
        "2026-Q4",
    ]
    far = next(o for o in objectives if o.quarter == "2027-Q2").key_results[0]
    assert far.continues is None
    backups = list((tmp_path / "backups").glob("okrtui.schema-1.*.json"))
    assert len(backups) == 1 and json.loads(backups[0].read_text()) == old
    assert json.loads(plan_file.read_text())["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    # Once: opening the folder again links nothing more and writes no second backup.
    Repository.open(tmp_path).objectives("sales")
    assert len(list((tmp_path / "backups").glob("okrtui.schema-*.json"))) == 1
