"""The local server: scrubbed environment, 127.0.0.1 only, stopped by pid."""

from __future__ import annotations

import json
import os
import urllib.request

import pytest

from newsgold.annotate import server


def _listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as in /proc/net/tcp*) listening on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if int(hex_port, 16) == port and state == "0A":  # LISTEN
                found.add(address)
    return found


def test_server_env_drops_what_label_studio_would_pick_up(monkeypatch, tmp_path):
    for name in ("USERNAME", "PASSWORD", "PORT", "HOST", "DEBUG", "USER_TOKEN",
                 "LABEL_STUDIO_PORT", "HEARTEX_HOST", "DJANGO_DB", "POSTGRE_HOST"):
        monkeypatch.setenv(name, "intruder")
    env = server.server_env(tmp_path)
    assert "intruder" not in env.values()
    assert env["LABEL_STUDIO_BASE_DATA_DIR"] == str(tmp_path)
    assert env["XDG_CONFIG_HOME"] == str(tmp_path / "xdg-config")
    assert env["LATEST_VERSION_CHECK"] == "false"


def test_session_server_listens_on_loopback_only(ls_server):
    if not os.path.exists("/proc/net/tcp"):
        pytest.skip("needs Linux /proc/net/tcp")
    assert _listening_addresses(ls_server.port) == {"0100007F"}  # 127.0.0.1


def test_start_ignores_stray_variables_and_stop_ends_the_process(ls_server, tmp_path,
                                                                monkeypatch):
    for name, value in (("PORT", "1"), ("HOST", "http://example.org"), ("USERNAME", "x"),
                        ("PASSWORD", "y"), ("DEBUG", "true")):
        monkeypatch.setenv(name, value)
    srv = server.start(tmp_path / "data")
    try:
        with urllib.request.urlopen(f"{srv.url}/api/version", timeout=5) as response:
            assert json.load(response)["release"] == server.LS_VERSION
        assert srv.token == server.read_credentials(tmp_path / "data")["token"]
        with pytest.raises(server.ServerError, match=f"already runs on .* \\(pid {srv.pid}\\)"):
            server.start(tmp_path / "data")
    finally:
        server.stop(srv.pid)
    with pytest.raises(ProcessLookupError):
        os.kill(srv.pid, 0)
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{srv.url}/health", timeout=2)
    assert server.running_pid(tmp_path / "data") is None
