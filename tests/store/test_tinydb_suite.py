"""TinyDB's own storage tests pass with `JSONStorage` replaced by `AtomicJSONStorage`.

TinyDB's tests ship in its sdist, not its wheel. The sdist of the installed version is
downloaded once with pip into the repository's `.cache/` (ignored by git) and its `tests/`
folder is extracted for each run; none of TinyDB's test code is copied into this repository.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from importlib.metadata import version
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "tinydb"
PLUGIN_FOLDER = Path(__file__).resolve().parent  # holds tinydb_plugin.py
TINYDB_TESTS = ["test_storages.py", "test_middlewares.py", "test_tinydb.py", "test_tables.py"]
# The one check that cannot pass with any other storage class: a regular expression over
# repr(table) that spells out `tinydb.storages.JSONStorage` (ours prints its own module).
# Its memory-storage twin still runs, and the run must report exactly one deselected test.
COSMETIC = "tests/test_tables.py::test_table_repr[json]"
SHM = "/dev/shm"


def tinydb_sdist() -> Path:
    """The sdist of the installed TinyDB, downloaded once; a lock keeps parallel runs apart."""
    wanted = version("tinydb")
    CACHE.mkdir(parents=True, exist_ok=True)
    with FileLock(str(CACHE / "download.lock")):
        found = sorted(CACHE.glob(f"tinydb-{wanted}.tar.gz"))
        if not found:
            download = ["download", "--no-deps", "--no-binary", ":all:", "-d", str(CACHE)]
            quiet = ["--disable-pip-version-check", "-q"]
            subprocess.run(
                [sys.executable, "-m", "pip", *download, *quiet, f"tinydb=={wanted}"],
                check=True,
                timeout=300,
            )
            found = sorted(CACHE.glob(f"tinydb-{wanted}.tar.gz"))
    assert found, f"pip did not download the sdist of tinydb {wanted}"
    return found[0]


def extract_tests(sdist: Path, target: Path) -> Path:
    """Unpack only the sdist's `tests/` folder into `target/tests`."""
    with tarfile.open(sdist) as archive:
        members = [m for m in archive.getmembers() if m.name.split("/")[1:2] == ["tests"]]
        for member in members:
            member.name = "/".join(member.name.split("/")[1:])
        archive.extractall(target, members=members, filter="data")
    # An empty config file makes `target` the root and keeps this repository's settings out.
    (target / "pytest.ini").write_text("[pytest]\n")
    return target / "tests"


@pytest.mark.slow
def test_tinydb_storage_suite_passes_on_atomic_storage(tmp_path: Path) -> None:
    tests = extract_tests(tinydb_sdist(), tmp_path)
    assert {p.name for p in tests.glob("test_*.py")} >= set(TINYDB_TESTS)
    report = tmp_path / "report.json"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            p for p in [str(PLUGIN_FOLDER), os.environ.get("PYTHONPATH")] if p
        ),
        "OKRTUI_TINYDB_REPORT": str(report),
        "PYTEST_ADDOPTS": "",
        # TinyDB's tests need no plugin; ours (Textual snapshots, asyncio) triple the run time.
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
    }
    plugins = ["-p", "tinydb_plugin", "-p", "no:cacheprovider"]
    # Their databases go to memory-backed /dev/shm when there is one: these tests check
    # behaviour, not durability (test_crash.py does that on disk), and ~500 fsyncs on a disk
    # busy with other tests take seconds.
    scratch = tempfile.mkdtemp(dir=SHM) if os.path.isdir(SHM) else str(tmp_path / "scratch")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pytest", *plugins, "-q", "--deselect", COSMETIC]
            + [f"--basetemp={scratch}/basetemp"]
            + [f"tests/{name}" for name in TINYDB_TESTS],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    summary = output.strip().splitlines()[-1]
    passed = re.search(r"(\d+) passed", summary)
    assert passed is not None and int(passed.group(1)) > 100, summary
    assert "1 deselected" in summary, summary
    ran_on = json.loads(report.read_text())
    assert ran_on["storages.JSONStorage is ours"], ran_on
    assert ran_on["tinydb.JSONStorage is ours"], ran_on
    assert ran_on["default is ours"], ran_on
    assert ran_on["atomic writes"] > 100, ran_on
