"""The command line: opens the app, builds the demo, imports and exports plans, lists sessions.

Exit codes: 0 success, 1 a user-facing error (message on stderr, no traceback), 2 usage.
Textual is imported only by the commands that open the app.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from okrtui import __version__
from okrtui.domain.models import Session
from okrtui.domain.plan import PlanError, dump_plan
from okrtui.domain.quarters import is_quarter, quarter_of
from okrtui.domain.text import control_character, escape_control, one_line
from okrtui.domain.updates import UpdateKind
from okrtui.minutes import EXPORT_FORMATS, PAPERS
from okrtui.services.settings import PersonalSettings, opening_team
from okrtui.store import Repository, Store, StoreError
from okrtui.store.plan_import import import_plan_file

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp

DEFAULT_DATA = "sessions"
F = TypeVar("F", bound=Callable[..., Any])


class UserError(click.ClickException):
    """An error for people: printed to stderr without a traceback, exit code 1."""

    exit_code = 1

    def format_message(self) -> str:
        # Messages quote names and paths from people and files: shown, never obeyed.
        return escape_control(self.message)


class OkrGroup(click.Group):
    """Turns the store's and the plan parser's errors into plain messages and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (StoreError, PlanError) as exc:
            raise UserError(str(exc)) from None


def _folder_option(name: str, help_text: str, file_okay: bool) -> Callable[[F], F]:
    """`--NAME DIR`, accepted before or after the subcommand; kept on the root context."""

    def remember(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
        if value is not None:
            ctx.find_root().ensure_object(dict)[name] = value

    return click.option(
        f"--{name}",
        type=click.Path(file_okay=file_okay, dir_okay=True, path_type=str),
        callback=remember,
        expose_value=False,
        is_eager=True,
        help=help_text,
    )


# `--data DIR`: OKRTUI_DATA is the default. (A file is accepted here to be refused clearly.)
data_option = _folder_option(
    "data", f"Data folder (default: $OKRTUI_DATA or ./{DEFAULT_DATA}).", file_okay=True
)
# `--config DIR`: where personal settings live.
config_option = _folder_option(
    "config",
    "Folder of your personal settings (default: $OKRTUI_CONFIG or your config folder).",
    file_okay=False,
)


def personal_settings(ctx: click.Context) -> PersonalSettings:
    """This person's settings, from --config, OKRTUI_CONFIG or their config folder."""
    return PersonalSettings.at(ctx.find_root().ensure_object(dict).get("config"))


def data_folder(ctx: click.Context) -> Path:
    """The data folder chosen by --data, OKRTUI_DATA or the default."""
    chosen = ctx.find_root().ensure_object(dict).get("data")
    return Path(chosen or os.environ.get("OKRTUI_DATA") or DEFAULT_DATA)


def open_repository(ctx: click.Context, create: bool = False) -> Repository:
    """The repository of the chosen data folder, checked before anything else runs.

    Only commands that `create` data start a folder: reading one that does not exist is
    an error, not an empty list.
    """
    folder = data_folder(ctx)
    if not create:
        must_exist(folder)
    return Repository.open(folder)


def must_exist(folder: Path) -> None:
    """Refuse a data folder that does not exist (UserError)."""
    if not folder.exists():
        raise UserError(f"no okrtui data at {folder}; run `okrtui` there to start one")


@click.group(
    cls=OkrGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@data_option
@config_option
@click.version_option(__version__, "--version", prog_name="okrtui")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Run your team's weekly OKR meeting and quarterly review.

    Without a command, opens the app on the data folder.
    """
    if ctx.invoked_subcommand is None:
        run_app(open_repository(ctx, create=True), personal=personal_settings(ctx))


def make_app(
    repository: Store,
    today: date | None = None,
    personal: PersonalSettings | None = None,
    clock: Callable[[], datetime] | None = None,
) -> OkrApp:
    """The app as `okrtui` opens it; the settings and the meetings it shows first are checked.

    Home opens on the team last shown (else the first): its objectives, and its meetings of
    the latest quarter and of today's, are validated here, so a broken one stops the program
    with a message. Other teams' are validated when chosen, and home says so if one cannot
    be used. Tests and snapshots build the app here too, so they see what a person sees.
    """
    today = today or date.today()
    personal = personal or PersonalSettings.at()
    first_team = opening_team(personal.load(), repository)
    if first_team is not None:
        repository.objectives(first_team)
    for quarter in {*repository.quarters()[:1], quarter_of(today)}:
        repository.sessions(quarter, first_team)
    from okrtui.tui.app import OkrApp  # Textual only when the app opens

    return OkrApp(repository, today=today, clock=clock, personal=personal)


def run_app(
    repository: Store,
    today: date | None = None,
    personal: PersonalSettings | None = None,
    **run_options: Any,
) -> None:
    """Open the app (`make_app`); `run_options` go to Textual's `App.run` (the benchmarks)."""
    app = make_app(repository, today, personal)
    # The modules, the plan and the quarters read above live as long as the app: moved out
    # of the collector's sight, they are not walked again by every full collection while
    # the first screen is built, nor at exit.
    gc.freeze()
    app.run(**run_options)


@cli.command()
@data_option
@config_option
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Build the two sample teams into DATA/demo (once) and open the app on it."""
    from okrtui.services.demo import build_demo  # the sample teams: not for opening a folder

    personal = personal_settings(ctx)
    personal.load()  # a settings file that cannot be used stops the demo before it writes
    folder = data_folder(ctx) / "demo"
    demo_store = Repository.open(folder)
    if build_demo(demo_store):
        click.echo(f"Built the sample teams into {folder}", err=True)
    run_app(demo_store, personal=personal)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--max-sessions",
    default=50,
    show_default=True,
    type=click.IntRange(1),
    help="Browsers connected at once; one more is refused.",
)
@click.option(
    "--user-header",
    metavar="NAME",
    help="Take the signed-in person's name from this request header (set by your "
    "authenticating proxy); requests without it are refused.",
)
@click.option(
    "--public-url",
    metavar="URL",
    help="The address people open (behind a proxy: https://okr.example.com); "
    "websockets from any other page are refused. Default: http://HOST:PORT.",
)
@data_option
@config_option
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    max_sessions: int,
    user_header: str | None,
    public_url: str | None,
) -> None:
    """Serve the app to browsers: one okrtui per browser tab, on the data folder."""
    from okrtui.web.server import OkrServer, app_argv

    folder = data_folder(ctx)
    open_repository(ctx, create=True).plan()  # a folder that cannot be used stops here
    config = ctx.find_root().ensure_object(dict).get("config")
    server = OkrServer(
        app_argv(folder, config),
        host=host,
        port=port,
        max_sessions=max_sessions,
        user_header=user_header,
        public_url=public_url,
    )
    server.serve()


@cli.group()
def plan() -> None:
    """Import or export the plan (teams, members, objectives, key results) as TOML."""


@plan.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@data_option
@click.pass_context
def plan_import(ctx: click.Context, file: Path) -> None:
    """Create or update teams, members, objectives and key results from FILE.toml."""
    repository = open_repository(ctx, create=True)
    imported = import_plan_file(repository, file)
    click.echo(
        f"Imported {len(imported.teams)} team(s) and {len(imported.objectives)} objective(s) "
        f"from {file} into {data_folder(ctx)}"
    )


@plan.command("export")
@click.option("--team", "team_name", help="Only this team (id or name).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE instead of printing (never inside the data folder).",
)
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@data_option
@click.pass_context
def plan_export(
    ctx: click.Context, team_name: str | None, output: Path | None, force: bool
) -> None:
    """Print the plan as TOML that `okrtui plan import` reads back."""
    from okrtui.minutes.files import ExistingFiles, ExportError, export_file

    repository = open_repository(ctx)
    team_id = repository.team(team_name).id if team_name else None
    text = dump_plan(repository.plan(), team_id)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        path = export_file(output, text, data_folder(ctx), force)
    except ExistingFiles as exc:
        raise UserError(f"{exc}; add --force to replace, or choose another path.") from None
    except ExportError as exc:
        raise UserError(str(exc)) from None
    click.echo(f"Wrote {escape_control(str(path))}", err=True)


@cli.command()
@click.option("--team", "team_name", help="Only this team (id or name).")
@click.option(
    "--kind", type=click.Choice(["weekly", "quarterly"]), help="Only this kind of meeting."
)
@click.option("--quarter", help="Only this quarter, like 2026-Q4.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@data_option
@click.pass_context
def sessions(
    ctx: click.Context, team_name: str | None, kind: str | None, quarter: str | None, as_json: bool
) -> None:
    """List meetings, newest first."""
    repository = open_repository(ctx)
    if quarter is not None and not is_quarter(quarter):
        raise click.BadParameter(
            f"'{one_line(quarter)}' is not a quarter; write it like 2026-Q4",
            param_hint="--quarter",
        )
    team_id = repository.team(team_name).id if team_name else None
    quarters = [quarter] if quarter else repository.quarters()
    found: list[Session] = []
    for q in quarters:
        found += [s for s in repository.sessions(q, team_id) if kind is None or s.kind == kind]
    found.sort(key=lambda s: (s.date, s.started_at), reverse=True)
    names = {t.id: t.name for t in repository.teams(include_archived=True)}
    if as_json:
        click.echo(json.dumps([_session_row(s, names) for s in found], indent=2))
        return
    if not found:
        click.echo(_nothing_found(repository, kind, team_id, quarter))
        return
    header = ("ID", "DATE", "TEAM", "KIND", "WEEK", "STATUS", "FACILITATOR")
    # Stored names may hold line breaks and terminal codes: one escaped line per meeting.
    rows = [
        (
            one_line(s.id),
            s.date.isoformat(),
            one_line(names.get(s.team_id, s.team_name)),
            s.kind,
            str(s.week or ""),
            s.status.replace("_", " "),
            one_line(s.facilitator),
        )
        for s in found
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _nothing_found(
    repository: Repository, kind: str | None, team_id: str | None, quarter: str | None
) -> str:
    """Why `sessions` lists nothing: an empty folder, or filters that match nothing."""
    if not repository.quarters() or not (kind or team_id or quarter):
        return "No sessions yet."
    what = f"No {kind} sessions" if kind else "No sessions"
    of_team = f" of team {team_id}" if team_id else ""  # an id: plain letters, digits, -_.:
    return f"{what}{of_team}{f' in {quarter}' if quarter else ''}."


@cli.command()
@click.option(
    "--repair",
    is_flag=True,
    help="Move each unusable record into backups/quarantine-<time>.json (after a full copy "
    "of its file) and keep every other record.",
)
@data_option
@click.pass_context
def doctor(ctx: click.Context, repair: bool) -> None:
    """Check every data file and record of the folder and say what is wrong."""
    from okrtui.domain.text import one_line
    from okrtui.store import doctor as checkup

    folder = data_folder(ctx)
    must_exist(folder)
    problems = checkup.check(folder)
    if not problems:
        click.echo(f"Checked {folder}: nothing wrong.")
        return
    if not repair:
        for problem in problems:
            click.echo(one_line(str(problem)))
        movable = sum(p.movable for p in problems)
        click.echo(
            f"{len(problems)} problem(s). `okrtui doctor --repair` moves the {movable} unusable "
            f"record(s) into {folder / 'backups'}/quarantine-<time>.json after a full copy of "
            "each file; nothing is deleted."
        )
        ctx.exit(1)
    done = checkup.repair(folder)
    for path in done.backups:
        click.echo(f"Kept a full copy: {path}")
    for problem in done.moved:
        click.echo(one_line(f"Moved into {done.quarantine}: {problem}"))
    for problem in done.left:
        click.echo(
            one_line(f"Not repaired: {problem}. Fix it by hand, or restore a copy from ")
            + f"{folder / 'backups'}/."
        )
    if done.left:
        ctx.exit(1)


def _session_row(session: Session, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": session.id,
        "team_id": session.team_id,
        "team": names.get(session.team_id, session.team_name),
        "kind": session.kind,
        "quarter": session.quarter,
        "week": session.week,
        "date": session.date.isoformat(),
        "status": session.status,
        "facilitator": session.facilitator,
        "started_at": session.started_at.isoformat(),
        "ended_at": session.ended_at.isoformat() if session.ended_at else None,
    }


@cli.command()
@click.argument("session_id", required=False)
@click.option("--team", "team_name", help="Export every session of this team (id or name)...")
@click.option("--quarter", help="...in this quarter, like 2026-Q4 (with --team).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="md",
    show_default=True,
    help="Markdown, a self-contained HTML page, JSON, plain text for an email body, or PDF "
    "(needs -o).",
)
@click.option(
    "--paper",
    type=click.Choice(PAPERS),
    default="a4",
    show_default=True,
    help="Paper size of a PDF.",
)
@click.option(
    "-o",
    "--output",
    help="Write to FILE (one session) or into DIR (with --team, or a path ending in /) "
    "instead of printing.",
)
@click.option("--force", is_flag=True, help="Replace files that are already there.")
@data_option
@click.pass_context
def export(
    ctx: click.Context,
    session_id: str | None,
    team_name: str | None,
    quarter: str | None,
    fmt: str,
    paper: str,
    output: str | None,
    force: bool,
) -> None:
    """Minutes of one session (SESSION_ID), or of a team's quarter with an index file.

    Nothing is written inside the data folder, and a file that is already there is
    replaced only with --force.
    """
    from typing import cast

    from okrtui.minutes import ExportFormat, Paper
    from okrtui.minutes.files import (
        ExistingFiles,
        ExportError,
        export_file,
        export_quarter,
        session_minutes,
        session_target,
    )
    from okrtui.minutes.pdf import PdfUnavailable

    if session_id and (team_name or quarter):
        raise UserError("Give either a SESSION_ID or --team and --quarter, not both.")
    if not session_id and not team_name:
        raise UserError(
            "Say what to export: a SESSION_ID (see `okrtui sessions`) or --team T --quarter Q."
        )
    if fmt == "pdf" and output is None:
        raise UserError("A PDF is written to a file: add -o FILE (or -o DIR/).")
    repository = open_repository(ctx)
    chosen = cast(ExportFormat, fmt)
    size = cast(Paper, paper)
    try:
        if session_id:
            session, text = session_minutes(repository, session_id, chosen, size)
            if output is None:
                assert isinstance(text, str)  # only a PDF is bytes, and it needs -o
                click.echo(_for_terminal(text, chosen), nl=False)
                return
            target = session_target(output, session, chosen)
            path = export_file(target, text, data_folder(ctx), force)
            click.echo(f"Wrote {escape_control(str(path))}", err=True)
            return
        team = repository.team(team_name or "")
        if quarter is None or not is_quarter(quarter):
            raise UserError("--team needs --quarter, written like 2026-Q4.")
        if output is None:
            raise UserError("--team needs -o DIR: the folder to write the minutes into.")
        folder = Path(output)
        written = export_quarter(repository, team.id, quarter, chosen, folder, force, size)
    except PdfUnavailable as exc:
        raise UserError(str(exc)) from None
    except ExistingFiles as exc:
        raise UserError(f"{exc}; add --force to replace, or choose another path.") from None
    except ExportError as exc:
        raise UserError(str(exc)) from None
    click.echo(
        f"Wrote {len(written) - 1} session(s) and {written[-1].name} into {one_line(output)}",
        err=True,
    )


@cli.command()
@click.argument("session_id")
@click.option(
    "--to",
    "to",
    multiple=True,
    metavar="all|present|ADDRESS",
    help="Who gets the minutes: every member with an email (all, the default), those present "
    "at the meeting, or addresses; repeat for several.",
)
@click.option(
    "-o",
    "--output",
    help="Without a mail server in your settings: write the message to this .eml file.",
)
@click.option("--force", is_flag=True, help="Replace an .eml file that is already there.")
@data_option
@click.pass_context
def send(
    ctx: click.Context, session_id: str, to: tuple[str, ...], output: str | None, force: bool
) -> None:
    """Mail a finished meeting's minutes: HTML with a plain-text part, the PDF attached.

    Sent through the SMTP server in your settings (`mail` in settings.json; the password
    from OKRTUI_SMTP_PASSWORD or the system keyring). Without one, the message is written
    as an .eml file to open in a mail client.
    """
    from okrtui.services.sending import SendError, send_minutes

    repository = open_repository(ctx)
    mail = personal_settings(ctx).load().mail
    eml = Path(output).expanduser() if output else None
    try:
        outcome = send_minutes(repository, session_id, to, mail, eml_path=eml, force=force)
    except SendError as exc:
        raise UserError(f"Not sent: {exc}") from None
    who = ", ".join(outcome.to)
    if outcome.eml is not None:
        click.echo(
            f"No mail server in your settings: wrote {escape_control(str(outcome.eml))} "
            f"for {escape_control(who)}; open it in your mail client to send it.",
            err=True,
        )
        return
    click.echo(f"Sent the minutes to {escape_control(who)}", err=True)


@cli.group()
@click.option("--team", "team_name", required=True, help="The team (id or name).")
@click.option(
    "--member",
    help="Who sends it (a member's name or id); by default the person running okrtui.",
)
@data_option
@click.pass_context
def update(ctx: click.Context, team_name: str, member: str | None) -> None:
    """Add your own update to the team's inbox, for its next (or current) weekly meeting.

    The facilitator accepts it in the meeting's step for it; nothing is typed twice.
    """
    from okrtui.services.identity import current_person

    ctx.obj = {**ctx.find_root().ensure_object(dict), "team": team_name}
    ctx.obj["member"] = member or current_person()


def _send(ctx: click.Context, kind: UpdateKind, **typed: str) -> None:
    """Build the update from what was typed and put it in the team's inbox."""
    from pydantic import ValidationError

    from okrtui.domain.validation import describe
    from okrtui.services.updates import compose_update

    repository = open_repository(ctx)
    try:
        sent = compose_update(
            repository,
            ctx.obj["team"],
            ctx.obj["member"],
            kind,
            now=datetime.now().replace(microsecond=0),
            **typed,
        )
    except ValueError as exc:
        if isinstance(exc, ValidationError):
            raise UserError("; ".join(describe(exc))) from None
        raise UserError(str(exc)) from None
    repository.submit_update(sent)
    team = repository.team(sent.team_id)
    click.echo(
        f"Sent to {one_line(team.name)}'s inbox: {kind} from {one_line(sent.from_name)} "
        f"(update {sent.id}). The facilitator accepts it in the meeting."
    )


_KR_HELP = "The key result: its number in the meeting, its id or the start of its title."


@update.command("checkin")
@click.option("--kr", required=True, help=_KR_HELP)
@click.option("--value", default="", help="The value now, as the team writes numbers.")
@click.option("--confidence", default="", help="on track, at risk or off track.")
@click.option("--note", default="", help="A note for the check-in.")
@click.pass_context
def update_checkin(ctx: click.Context, kr: str, value: str, confidence: str, note: str) -> None:
    """A key result's value and confidence."""
    _send(ctx, "checkin", kr=kr, value=value, confidence=confidence, text=note)


@update.command("contribution")
@click.argument("text")
@click.option("--kr", default="", help=_KR_HELP + " Blank: for the team in general.")
@click.option("--for", "whose", default="", help="Someone else's contribution (their name).")
@click.pass_context
def update_contribution(ctx: click.Context, text: str, kr: str, whose: str) -> None:
    """What you (or someone else, --for) did for the team."""
    _send(ctx, "contribution", text=text, kr=kr, whose=whose)


@update.command("experience")
@click.argument("kind", metavar="win|lesson|blocker|idea")
@click.argument("text")
@click.pass_context
def update_experience(ctx: click.Context, kind: str, text: str) -> None:
    """A win, a lesson, a blocker or an idea."""
    _send(ctx, "experience", experience=kind, text=text)


@update.command("target")
@click.argument("text")
@click.option("--kr", default="", help=_KR_HELP + " Blank: none.")
@click.option("--for", "whose", default="", help="Someone else's target (their name).")
@click.pass_context
def update_target(ctx: click.Context, text: str, kr: str, whose: str) -> None:
    """Your target for next week."""
    _send(ctx, "target", text=text, kr=kr, whose=whose)


@update.command("list")
@click.pass_context
def update_list(ctx: click.Context) -> None:
    """The team's updates waiting for the facilitator."""
    repository = open_repository(ctx)
    team = repository.team(ctx.obj["team"])
    waiting = repository.pending_updates(team.id)
    if not waiting:
        click.echo(f"Nothing is waiting in {one_line(team.name)}'s inbox.")
    for sent in waiting:
        click.echo(f"{sent.id}  {sent.kind:<12}  {one_line(sent.from_name or sent.from_member)}")


def _for_terminal(text: str, fmt: str) -> str:
    """Minutes for the terminal: stored control characters shown escaped, never sent raw."""
    if fmt != "json":
        return escape_control(text)
    if control_character(text) is None:
        return text
    # As JSON escapes (`\u202e`), so what is printed still reads back as the same data.
    return json.dumps(json.loads(text), indent=2, ensure_ascii=True) + "\n"


def main() -> None:
    """Console entry point."""
    cli(prog_name="okrtui")
