"""okrtui's benchmarks: `make bench`. Prints each figure beside its goal and records them.

Where a person waits for a whole process (start-up, memory) a whole process is measured.
Every comparison is a ratio of figures taken in the same run, interleaved, because this
machine is shared and noisy. Results are appended to bench/RESULTS.md with date and machine.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.generate import generate
from okrtui.domain.sample import sample_plan
from okrtui.services.demo import build_demo
from okrtui.services.settings import CONFIG_ENV
from okrtui.store import Repository

TODAY = date(2026, 11, 25)
RESULTS = Path(__file__).with_name("RESULTS.md")


@dataclass
class Figure:
    """One measured figure and its goal."""

    name: str
    value: float
    unit: str
    goal: float
    lower_is_better: bool = True
    # (min, median, max) of the runs behind the figure, in its unit, so noise is visible.
    spread: tuple[float, float, float] | None = None

    @property
    def met(self) -> bool:
        return self.value <= self.goal if self.lower_is_better else self.value >= self.goal

    def row(self) -> tuple[str, str, str, str, str]:
        spread = "" if self.spread is None else " / ".join(f"{v:.2f}" for v in self.spread)
        if self.goal == float("inf"):  # measured for context, no goal of its own
            return (self.name, f"{self.value:.1f} {self.unit}", spread, "", "")
        sign = "≤" if self.lower_is_better else "≥"
        return (
            self.name,
            f"{self.value:.2f} {self.unit}".strip(),
            spread,
            f"{sign} {self.goal:g} {self.unit}".strip(),
            "met" if self.met else "MISSED",
        )


def spread(values: list[float], scale: float = 1.0) -> tuple[float, float, float]:
    """(min, median, max) of `values`, times `scale`."""
    return (min(values) * scale, statistics.median(values) * scale, max(values) * scale)


def in_ms(name: str, seconds: list[float]) -> Figure:
    """The median of timings in seconds, in milliseconds, with their spread and no goal."""
    return Figure(
        name, statistics.median(seconds) * 1000, "ms", float("inf"), spread=spread(seconds, 1000)
    )


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def whole_process(args: list[str]) -> tuple[float, float, int]:
    """`python -m bench.first_frame ARGS` from spawn to exit: wall seconds, the child's CPU
    seconds (user + system, steadier than wall time on a shared machine) and its peak kB."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.first_frame", *args],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parent.parent,
    )
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"bench.first_frame {' '.join(args)} failed ({child.returncode})")
    return wall, usage.ru_utime + usage.ru_stime, int(output.split()[-1])


def startup(large: Path, demo: Path, runs: int) -> list[Figure]:
    """First frame of home: large vs demo folder, and okrtui vs a bare Textual app.

    The goal against the bare app is judged on the child's CPU time; wall time is shown too.
    """
    kinds = ("bare", "demo", "large")
    wall: dict[str, list[float]] = {k: [] for k in kinds}
    cpu: dict[str, list[float]] = {k: [] for k in kinds}
    commands = {"bare": ["bare"], "demo": ["okrtui", str(demo)], "large": ["okrtui", str(large)]}
    whole_process(["bare"])  # warm the file cache once
    for _ in range(runs):  # interleaved, so drift in the machine's load hits all three
        for kind in kinds:
            seconds, cpu_seconds, _ = whole_process(commands[kind])
            wall[kind].append(seconds)
            cpu[kind].append(cpu_seconds)

    def ratio(of: dict[str, list[float]], top: str, bottom: str) -> tuple[float, list[float]]:
        per_run = [a / b for a, b in zip(of[top], of[bottom], strict=True)]
        return statistics.median(of[top]) / statistics.median(of[bottom]), per_run

    figures = []
    names = {"bare": "bare Textual app", "demo": "demo folder", "large": "large folder"}
    for kind in kinds:
        for measure, values in (("wall", wall[kind]), ("CPU", cpu[kind])):
            figures.append(in_ms(f"start-up to home, {names[kind]}, {measure}", values))
    value, runs_ = ratio(wall, "large", "demo")
    figures.append(Figure("start-up, large / demo, wall", value, "×", 1.15, spread=spread(runs_)))
    value, runs_ = ratio(wall, "large", "bare")
    figures.append(
        Figure("start-up, large / bare, wall", value, "×", float("inf"), spread=spread(runs_))
    )
    value, runs_ = ratio(cpu, "large", "bare")
    figures.append(Figure("start-up, large / bare, CPU", value, "×", 1.6, spread=spread(runs_)))
    return figures


def key_latency(demo: Path, keys: int) -> list[Figure]:
    """Key to frame in the demo team's meeting: typing, a commit, a step change (ms)."""
    from bench.key_latency import meeting_latencies

    clocks = asyncio.run(meeting_latencies(demo, "sales", TODAY, keys))
    goals = {"typing": 16.0, "commit": 33.0, "step": 100.0}
    names = {"typing": "a character in a note", "commit": "Enter commits a check-in",
             "step": "pgdn/pgup to a step"}  # fmt: skip
    figures = []
    for kind, goal in goals.items():
        for measure, values in (("wall", clocks[kind].times), ("CPU", clocks[kind].cpu_times)):
            for share in (0.5, 0.95):
                figures.append(
                    Figure(
                        f"key to frame p{share * 100:.0f}, {names[kind]}, {measure}",
                        percentile(values, share) * 1000,
                        "ms",
                        goal if share == 0.95 else float("inf"),
                        spread=spread(values, 1000),
                    )
                )
    return figures


async def _autosave_latencies(
    folder: Path, team_id: str, commits: int, marks: list[tuple[float, float]] | None = None
) -> list[float]:
    """Seconds from the Enter that commits a check-in to the file replaced on disk.

    `marks` gets (value typed, `time.monotonic()` when its save landed) for each commit.
    """
    from textual.widgets import Input

    from okrtui.tui.app import OkrApp
    from okrtui.tui.widgets.steps.checkin_card import CheckInCard

    repository = Repository.open(folder)
    saved_at: list[float] = []
    save = repository.save_session

    def timed_save(session: object, wait: bool = True) -> None:
        save(session, wait)  # type: ignore[arg-type]
        saved_at.append(time.perf_counter())

    repository.save_session = timed_save  # type: ignore[method-assign]
    app = OkrApp(repository, today=TODAY)
    latencies = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.team_id = team_id
        app.action_start_weekly_meeting()
        await pilot.pause()
        for _ in range(2):  # attendance, commitments review, then the check-ins
            await pilot.press("pagedown")
            await pilot.pause()
        field = app.screen.query(CheckInCard).first().query_one(Input)
        for n in range(commits):
            field.focus()
            field.value = ""
            await pilot.press(*str(100 + n))
            before = len(saved_at)
            started = time.perf_counter()
            await pilot.press("enter")
            if len(saved_at) > before:
                latencies.append(saved_at[before] - started)
                if marks is not None:
                    landed = time.monotonic() - (time.perf_counter() - saved_at[before])
                    marks.append((100 + n, landed))
    if len(latencies) < commits * 0.9:
        raise RuntimeError(f"only {len(latencies)} of {commits} check-ins were saved")
    return latencies


def followed(demo: Path, alone: Path, followers: int, commits: int) -> list[Figure]:
    """The facilitator's autosave while members follow the meeting, and how soon each
    follower sees each save.

    The followers are processes running the follow view's own watch and read
    (`bench/follower.py`): what they cost the facilitator is file reads beside its writes
    (readers take no lock) and CPU; a whole Textual app each would add twenty renderers on
    this two-core machine, which a served team pays for in its browsers' processes instead.
    """
    command = [sys.executable, "-m", "bench.follower", str(demo), "sales"]
    children = [
        subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for _ in range(followers)
    ]
    marks: list[tuple[float, float]] = []
    # The same meeting with nobody following, first: this machine is shared, so the goal is
    # read beside what the facilitator's save costs here today without followers.
    baseline = asyncio.run(_autosave_latencies(alone, "sales", commits))
    try:
        for child in children:
            assert child.stdout is not None and child.stdout.readline() == "ready\n"
        print(f"{followers} followers ready", file=sys.stderr)
        latencies = asyncio.run(_autosave_latencies(demo, "sales", commits, marks))
        time.sleep(2.0)  # the last save has its second (and one more) to reach everyone
        outputs = []
        for child in children:
            out, _ = child.communicate("stop\n", timeout=30)
            outputs.append([tuple(map(float, line.split())) for line in out.splitlines()])
    finally:
        for child in children:
            child.kill()
            child.wait()
    # Each save reaches a follower when it first sees that value or a later one.
    reach = []
    for value, landed in marks:
        for seen in outputs:
            times = [t for v, t in seen if v >= value]
            reach.append(min(times) - landed if times else float("inf"))
    return [
        Figure("autosave p95, nobody following", percentile(baseline, 0.95) * 1000, "ms", 15),
        Figure(
            f"autosave p95, {followers} followers", percentile(latencies, 0.95) * 1000, "ms", 15
        ),
        Figure(
            f"autosave p95, {followers} followers / nobody",
            percentile(latencies, 0.95) / percentile(baseline, 0.95),
            "×",
            float("inf"),
        ),
        Figure(f"save seen by every follower, p95 ({followers})", percentile(reach, 0.95), "s", 1),
        Figure(f"save seen by every follower, worst ({followers})", max(reach), "s", 1),
    ]


def autosave(large: Path, empty: Path, commits: int) -> list[Figure]:
    """Autosave of a check-in on the large folder and on an empty one."""
    big = asyncio.run(_autosave_latencies(large, "team-01", commits))
    small = asyncio.run(_autosave_latencies(empty, "sales", commits))
    return [
        Figure("autosave p50, large folder", percentile(big, 0.5) * 1000, "ms", float("inf")),
        Figure("autosave p95, large folder", percentile(big, 0.95) * 1000, "ms", 15),
        Figure("autosave p95, empty folder", percentile(small, 0.95) * 1000, "ms", float("inf")),
        Figure(
            "autosave p95, large / empty",
            percentile(big, 0.95) / percentile(small, 0.95),
            "×",
            1.3,
        ),
    ]


async def _history(folder: Path) -> tuple[float, float]:
    """Seconds to the history screen's first frame after `h`; seconds for a search of all."""
    from textual.widgets import Input

    from okrtui.tui.app import OkrApp
    from okrtui.tui.screens.history import HistoryScreen

    app = OkrApp(Repository.open(folder), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press("h")
        await pilot.pause()
        if not isinstance(app.screen, HistoryScreen):
            raise RuntimeError("h did not open the history screen")
        # The screen reads in a worker: the frame that counts is the one with the rows.
        await app.screen.settled()
        await pilot.pause()
        first_frame = time.perf_counter() - started
        search = app.screen.query_one("#search", Input)
        started = time.perf_counter()
        search.value = "zebra"  # in no meeting: every quarter must be read and searched
        # Includes the pause the screen waits for after the last key (SEARCH_PAUSE).
        await app.screen.settled()
        await pilot.pause()
        searched = time.perf_counter() - started
        if "nothing older" not in str(app.screen.query_one("#history-status").render()):
            raise RuntimeError("the search did not reach the oldest quarter")
    return first_frame, searched


def history(large: Path, runs: int) -> list[Figure]:
    """The history screen on ten years of sessions (medians over fresh apps)."""
    first_frames, searches = [], []
    for _ in range(runs):
        first_frame, searched = asyncio.run(_history(large))
        first_frames.append(first_frame)
        searches.append(searched)
        gc.collect()
    memory_kb = whole_process(["history", str(large)])[2]
    return [
        Figure(
            "history first frame after the key",
            statistics.median(first_frames) * 1000,
            "ms",
            400,
            spread=spread(first_frames, 1000),
        ),
        Figure(
            "history search over every quarter",
            statistics.median(searches) * 1000,
            "ms",
            1000,
            spread=spread(searches, 1000),
        ),
        Figure("peak memory, history open (large)", memory_kb / 1024, "MB", 150),
    ]


def minutes(large: Path) -> list[Figure]:
    """Rendering minutes of one session, and exporting one team's quarter."""
    from okrtui.domain.history import earlier_sessions
    from okrtui.minutes import FORMATS, render
    from okrtui.minutes.files import export_quarter

    repository = Repository.open(large)
    session = repository.sessions("2026-Q4", "team-01", "weekly")[7]
    earlier = earlier_sessions(repository, session)
    figures = []
    for fmt in FORMATS:
        figures.append(
            Figure(
                f"minutes of one session, {fmt}",
                timed(lambda f=fmt: render(session, f, earlier), 50) * 1000,  # type: ignore[misc]
                "ms",
                10,
            )
        )
    with tempfile.TemporaryDirectory() as out:

        def whole_quarter() -> None:
            export_quarter(
                Repository.open(large), "team-01", "2026-Q4", "md", Path(out), force=True
            )

        figures.append(
            Figure("minutes of a team's quarter (md)", timed(whole_quarter, 5) * 1000, "ms", 200)
        )
    return figures


def browser(work: Path, runs: int, tabs: int) -> list[Figure]:
    """okrtui served to chromium: page open to home against the same app in tmux, and the
    memory each connected browser costs the host (its app process) and the server.

    The ratio's goal, twice the terminal's time: both start the same okrtui process on the same
    kind of folder; the browser adds a page, its script and a websocket, and here chromium
    draws on the same two cores as the app (a member's browser runs on their own computer).
    More than twice would mean the serving path, not the app, is what a member waits for.
    """
    from bench.browser import served

    config = work / "browser-config"  # the apps' personal settings, never the user's own
    before = os.environ.get(CONFIG_ENV)
    os.environ[CONFIG_ENV] = str(config)
    try:
        measured = served(lambda name: fresh_demo(work / f"browser-{name}"), runs, tabs)
    finally:
        if before is None:
            del os.environ[CONFIG_ENV]
        else:
            os.environ[CONFIG_ENV] = before
    width, height = measured.size
    print(f"browser and tmux timed at {width}x{height}", file=sys.stderr)
    ratios = [b / t for b, t in zip(measured.browser, measured.tmux, strict=True)]
    rss = [kb / 1024 for kb, _ in measured.apps]
    pss = [kb / 1024 for _, kb in measured.apps]
    return [
        in_ms("page open to home, browser", measured.browser),
        in_ms("page open to home, tmux", measured.tmux),
        Figure(
            "page open to home, browser / tmux",
            statistics.median(measured.browser) / statistics.median(measured.tmux),
            "×",
            2.0,
            spread=spread(ratios),
        ),
        Figure(
            f"memory per browser on home, RSS ({tabs} tabs)",
            statistics.median(rss),
            "MB",
            80,
            spread=spread(rss),
        ),
        # Proportional: the pages the apps share (Python, its libraries) counted once.
        Figure(
            f"memory per browser on home, PSS ({tabs} tabs)",
            statistics.median(pss),
            "MB",
            float("inf"),
            spread=spread(pss),
        ),
        Figure(
            f"server RSS, {tabs} tabs on home", measured.server_after / 1024, "MB", float("inf")
        ),
        Figure(
            "server RSS added per tab",
            (measured.server_after - measured.server_before) / tabs / 1024,
            "MB",
            float("inf"),
        ),
    ]


def timed(work: Callable[[], object], repeat: int) -> float:
    """Median seconds of `work` over `repeat` runs."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def folders(work: Path) -> tuple[Path, Path, Path]:
    """The large folder (generated), the demo folder and an empty one (plan only)."""
    large, demo, empty = work / "large", work / "demo", work / "empty"
    count = generate(large)
    print(f"generated {count} sessions in {large}", file=sys.stderr)
    build_demo(Repository.open(demo))
    Repository.open(empty).save_plan(sample_plan())
    return large, demo, empty


def fresh_demo(folder: Path) -> Path:
    """A folder holding the demo team, where no meeting has been started."""
    build_demo(Repository.open(folder))
    return folder


def record(figures: list[Figure]) -> str:
    """The figures as a Markdown table, appended to RESULTS.md with date and machine."""
    rows = [("figure", "measured", "min / median / max", "goal", "")]
    rows += [f.row() for f in figures]
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    table = "\n".join(lines)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    with RESULTS.open("a", encoding="utf-8") as handle:
        handle.write(f"\n## {stamp} — {machine}\n\n{table}\n")
    return table


def main() -> None:
    """Run every benchmark; exit 1 when a goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="start-up runs per app")
    parser.add_argument("--commits", type=int, default=200, help="check-ins saved per folder")
    parser.add_argument("--followers", type=int, default=20, help="members following")
    parser.add_argument("--history-runs", type=int, default=5, help="history screens opened")
    parser.add_argument("--keys", type=int, default=200, help="keys timed of each kind")
    parser.add_argument("--browser-runs", type=int, default=5, help="browsers opened to time")
    parser.add_argument("--tabs", type=int, default=5, help="browsers on home, for memory")
    parser.add_argument(
        "--only",
        choices=["startup", "keys", "autosave", "followers", "history", "minutes", "browser"],
        default=None,
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        large, demo, empty = folders(Path(work))
        figures = []
        stages: dict[str, Callable[[], list[Figure]]] = {
            "startup": lambda: startup(large, demo, args.runs),
            "keys": lambda: key_latency(demo, args.keys),
            "autosave": lambda: autosave(large, empty, args.commits),
            # Folders of their own: a meeting left in progress would be offered for resuming.
            "followers": lambda: followed(
                fresh_demo(Path(work) / "followed"),
                fresh_demo(Path(work) / "alone"),
                args.followers,
                args.commits,
            ),
            "history": lambda: history(large, args.history_runs),
            "minutes": lambda: minutes(large),
            "browser": lambda: browser(Path(work), args.browser_runs, args.tabs),
        }
        for name, stage in stages.items():
            if args.only is not None and name != args.only:
                continue
            # Each stage starts without the garbage of the one before: two hundred autosaves
            # leave ~130,000 dead objects that made a full collection land in history's first
            # frame (a person opening history runs no benchmark beforehand).
            gc.collect()
            figures += stage()
    print(record(figures))
    missed = [f.name for f in figures if not f.met]
    if missed:
        print(f"\nMissed: {', '.join(missed)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
