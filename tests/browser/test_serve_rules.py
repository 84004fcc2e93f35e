"""What `okrtui serve` promises a team's host, checked without a browser: where it listens,
and how a browser's app is started (no shell; the person's name only in its environment)."""

from __future__ import annotations

import asyncio
import json
import socket
import sys
from pathlib import Path

import pytest
from textual_serve.download_manager import DownloadManager

from okrtui.services.identity import USER_VARIABLE
from okrtui.web.server import ExecAppService, app_argv
from tests.browser.served import serving


def refused(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=2).close()
    except ConnectionRefusedError:
        return True
    return False


def test_the_server_listens_on_127_0_0_1_alone_unless_told_another_address(
    demo_folder: Path,
) -> None:
    # 127.0.1.1 is another address of this machine: a server on every address would answer.
    with serving(demo_folder) as server:
        assert not refused("127.0.0.1", server.port)
        assert refused("127.0.1.1", server.port)
    with serving(demo_folder, host="127.0.1.1") as server:
        assert not refused("127.0.1.1", server.port)
        assert refused("127.0.0.1", server.port)


async def _started_with(argv: list[str], environment: dict[str, str]) -> str:
    async def nothing(*_: object) -> None:
        return None

    service = ExecAppService(
        argv,
        environment,
        write_bytes=nothing,
        write_str=nothing,
        close=nothing,
        download_manager=DownloadManager(),
    )
    process = await service._open_app_process()
    out, _ = await process.communicate()
    return out.decode()


HOSTILE = "Ana $(touch {marker}) `touch {marker}`; touch {marker} \" ' \\"


def test_a_browsers_app_is_started_without_a_shell_and_the_name_only_in_its_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "ran"
    name = HOSTILE.format(marker=marker)
    monkeypatch.setenv(USER_VARIABLE, "the server's own account")  # never handed on
    report = "import json, os, sys; print(json.dumps([sys.argv[1:], os.environ['OKRTUI_USER']]))"
    argv = [sys.executable, "-c", report, *app_argv(tmp_path)[1:]]
    seen_argv, seen_name = json.loads(asyncio.run(_started_with(argv, {USER_VARIABLE: name})))
    assert seen_name == name, "the name arrives exactly as the proxy sent it"
    assert name not in " ".join(seen_argv), "nothing from the request is in the command"
    assert not marker.exists(), "no shell ever read the name"

    # Without a signed-in person, the server's own OKRTUI_USER is not passed on either.
    report = "import os; print(os.environ.get('OKRTUI_USER', 'none'))"
    assert asyncio.run(_started_with([sys.executable, "-c", report], {})).strip() == "none"
