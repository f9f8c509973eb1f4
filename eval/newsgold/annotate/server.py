"""A local Label Studio server for annotation and tests: venv, template data dir, start, stop.

The server (label-studio ``LS_VERSION``) lives in its own venv (``.venv-labelstudio`` at the repo
root, or ``$NEWSGOLD_LS_VENV``), made by ``scripts/labelstudio-venv.sh``. Its database migrations
take 35-65 s, so they run once into a template data dir inside the venv, which every server start
copies (~5 s). The template holds one admin user with a random password and legacy API token
(``credentials.json``, mode 600); legacy tokens are enabled.

Servers bind 127.0.0.1 only, on a free port, with an environment scrubbed of the bare variables
Label Studio would otherwise read (``USERNAME``, ``PORT``, ``HOST``...). Stop them by pid:
SIGTERM, then SIGKILL after a timeout. Standard library only (the script runs before any extra
is installed).
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

LS_VERSION = "1.23.2"
HOST = "127.0.0.1"
TEMPLATE_NAME = "newsgold-template"
READY_MARKER = ".newsgold-template-ready"
CREDENTIALS = "credentials.json"
#: Bare names (and prefixes) Label Studio reads from the environment; never inherited.
SCRUBBED = ("USERNAME", "PASSWORD", "PORT", "HOST", "DEBUG", "USER_TOKEN", "DJANGO_DB",
            "DATABASE_NAME", "LOG_LEVEL", "BASE_DATA_DIR", "SENTRY_DSN", "FRONTEND_SENTRY_DSN")
SCRUBBED_PREFIXES = ("LABEL_STUDIO_", "HEARTEX_", "POSTGRE_", "MYSQL_")


class ServerError(RuntimeError):
    """The server could not be prepared, started or stopped."""


@dataclass(frozen=True)
class Server:
    """A running server: where it listens, how to authenticate, how to stop it."""

    pid: int
    port: int
    data_dir: Path
    username: str
    password: str
    token: str

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def log(self) -> Path:
        return self.data_dir / "ls.log"


def repo_root() -> Path:
    return Path(__file__).resolve().parents[3]


def venv_dir() -> Path:
    env = os.environ.get("NEWSGOLD_LS_VENV")
    return Path(env) if env else repo_root() / ".venv-labelstudio"


def template_dir(venv: Path) -> Path:
    return venv / TEMPLATE_NAME


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock so concurrent test sessions do not build the same thing twice."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_env(data_dir: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The server's environment: ours, minus everything Label Studio would pick up by accident."""
    env = {k: v for k, v in os.environ.items()
           if k not in SCRUBBED and not k.startswith(SCRUBBED_PREFIXES)}
    env.update({
        "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir),
        "XDG_CONFIG_HOME": str(data_dir / "xdg-config"),
        "LATEST_VERSION_CHECK": "false",
        "COLLECT_ANALYTICS": "false",
        "SENTRY_DSN": "",
        "FRONTEND_SENTRY_DSN": "",
        "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true",
        "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
    })
    env.update(extra or {})
    return env


def _get_json(url: str, token: str | None = None, timeout: float = 2.0) -> dict:
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Token {token}")
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - local URL
        return json.load(response)


def _launch(venv: Path, data_dir: Path, port: int, extra_env: dict[str, str]) -> int:
    log = open(data_dir / "ls.log", "wb")  # noqa: SIM115 - handed to the child process
    try:
        proc = subprocess.Popen(
            [str(venv / "bin" / "label-studio"), "start", "--no-browser", "--data-dir",
             str(data_dir), "--internal-host", HOST, "--port", str(port)],
            env=server_env(data_dir, extra_env), stdin=subprocess.DEVNULL, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True)
    finally:
        log.close()
    (data_dir / "ls.pid").write_text(f"{proc.pid}\n")
    return proc.pid


def _alive(pid: int) -> bool:
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:  # not our child: fall back to a signal probe
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return done == 0


def _wait_until_up(pid: int, port: int, data_dir: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            raise ServerError(f"Label Studio (pid {pid}) exited during start; see "
                              f"{data_dir / 'ls.log'}:\n{_tail(data_dir / 'ls.log')}")
        try:
            if _get_json(f"http://{HOST}:{port}/health").get("status") == "UP":
                break
        except OSError:
            pass
        time.sleep(0.2)
    else:
        stop(pid)
        raise ServerError(f"Label Studio did not answer on {HOST}:{port} within {timeout:.0f} s; "
                          f"see {data_dir / 'ls.log'}")
    log = (data_dir / "ls.log").read_text(errors="replace")
    if "is in use" in log:
        stop(pid)
        raise ServerError(f"port {port} was taken; Label Studio moved to another port")
    release = _get_json(f"http://{HOST}:{port}/api/version").get("release")
    if release != LS_VERSION:
        stop(pid)
        raise ServerError(f"the server on port {port} is Label Studio {release}, "
                          f"not {LS_VERSION}")


def _tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def stop(pid: int, timeout: float = 15.0) -> None:
    """Stop a server by pid (its process group): SIGTERM, then SIGKILL after ``timeout``."""
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if not _alive(pid):
                return
            time.sleep(0.1)
    raise ServerError(f"Label Studio (pid {pid}) survived SIGKILL")


def running_pid(data_dir: Path) -> int | None:
    """The pid of the live server started on ``data_dir``, if any."""
    try:
        pid = int((data_dir / "ls.pid").read_text())
    except (OSError, ValueError):
        return None
    return pid if _alive(pid) else None


def read_credentials(data_dir: Path) -> dict[str, str]:
    return json.loads((data_dir / CREDENTIALS).read_text())


def ensure_template(venv: Path | None = None, timeout: float = 300.0) -> Path:
    """Build the migrated template data dir once (user, token, legacy tokens on); reuse it."""
    venv = venv or venv_dir()
    template = template_dir(venv)
    with _locked(venv / f".{TEMPLATE_NAME}.lock"):
        if (template / READY_MARKER).exists():
            return template
        building = venv / f"{TEMPLATE_NAME}.building"
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir(parents=True)
        creds = {"username": "admin@newsgold.local", "password": secrets.token_urlsafe(16),
                 "token": secrets.token_hex(20)}
        path = building / CREDENTIALS
        path.write_text(json.dumps(creds, indent=2) + "\n")
        path.chmod(0o600)
        extra = {"LABEL_STUDIO_USERNAME": creds["username"],
                 "LABEL_STUDIO_PASSWORD": creds["password"],
                 "LABEL_STUDIO_USER_TOKEN": creds["token"]}
        port = free_port()
        pid = _launch(venv, building, port, extra)
        try:
            _wait_until_up(pid, port, building, timeout)
            _get_json(f"http://{HOST}:{port}/api/projects", token=creds["token"])
        finally:
            stop(pid)
        for name in ("ls.log", "ls.pid"):
            (building / name).unlink(missing_ok=True)
        (building / READY_MARKER).write_text(f"label-studio {LS_VERSION}\n")
        shutil.rmtree(template, ignore_errors=True)
        building.rename(template)
    return template


def start(data_dir: Path, venv: Path | None = None, timeout: float = 120.0,
          attempts: int = 3) -> Server:
    """Start a server on a copy of the template (made unless ``data_dir`` already holds one)."""
    venv = venv or venv_dir()
    running = running_pid(data_dir)
    if running is not None:
        raise ServerError(f"a server already runs on {data_dir} (pid {running}); stop it first")
    if not (data_dir / CREDENTIALS).exists():
        template = template_dir(venv)
        if not (template / READY_MARKER).exists():
            raise ServerError(f"no template data dir at {template}; run "
                              f"scripts/labelstudio-venv.sh first")
        shutil.copytree(template, data_dir, dirs_exist_ok=True)
    creds = read_credentials(data_dir)
    for attempt in range(1, attempts + 1):
        port = free_port()
        pid = _launch(venv, data_dir, port, {})
        try:
            _wait_until_up(pid, port, data_dir, timeout)
        except ServerError:
            if attempt == attempts:
                raise
            continue
        return Server(pid, port, data_dir, creds["username"], creds["password"], creds["token"])
    raise AssertionError("unreachable")
