"""An extractor in any language: a long-lived command speaking JSON lines (docs/protocol.md).

The command starts, prints one handshake line (``{"newsgold": 1, "name", "version", "tasks",
"input"}``), then answers each page line read from stdin with one prediction line on stdout.
A command that dies, hangs past its timeout or breaks the protocol fails that page only: it is
killed (with its process group) and started again for the next page.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import tempfile
import time
from typing import IO, Any

from .base import Extractor, Page, Prediction
from .wire import FormatError, page_to_json, parse_header, prediction_from_json


class CommandError(RuntimeError):
    """The command failed to start, died, hung or broke the protocol."""


class CommandExtractor(Extractor):
    """Runs ``command`` (through ``/bin/sh -c``) as one long-lived process per worker."""

    #: The runner lets this extractor enforce the per-page timeout itself (it kills its command).
    handles_timeout = True

    def __init__(self, command: str, timeout: float | None = None,
                 startup_timeout: float = 60.0, cwd: str | os.PathLike | None = None) -> None:
        self.command = command
        self.source = f"command: {command}"
        self.timeout = timeout
        self.startup_timeout = startup_timeout
        self.cwd = cwd
        self._proc: subprocess.Popen | None = None
        self._owner = 0
        self._buffer = bytearray()
        self._stderr: IO[bytes] | None = None
        hello = self._start()  # the probe: read the handshake, then stop until the first page
        self.close()
        self.name: str = hello["name"]  # type: ignore[misc]
        self.tasks: frozenset[str] = frozenset(hello["tasks"])  # type: ignore[misc]
        self.input: str = hello["input"]  # type: ignore[misc]
        self._version: str = hello["version"]

    def version(self) -> str:
        return self._version

    def _start(self) -> dict[str, Any]:
        self._stderr = tempfile.TemporaryFile()
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self._proc = subprocess.Popen(self.command, shell=True, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=self._stderr, cwd=self.cwd,
                                      env=env, process_group=0)
        self._owner = os.getpid()
        self._buffer.clear()
        os.set_blocking(self._proc.stdin.fileno(), False)  # type: ignore[union-attr]
        line = self._exchange(b"", self.startup_timeout, "its handshake")
        try:
            return parse_header(line)
        except FormatError as exc:
            raise self._fail(f"bad handshake: {exc}") from None

    def _stderr_tail(self, limit: int = 2000) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0, os.SEEK_END)
        size = self._stderr.tell()
        self._stderr.seek(max(0, size - limit))
        tail = self._stderr.read().decode("utf-8", "replace").strip()
        return f"; stderr: {tail}" if tail else ""

    def _fail(self, message: str) -> CommandError:
        """Kill the command and describe why (the next page starts a fresh one)."""
        error = CommandError(f"command {self.command!r}: {message}{self._stderr_tail()}")
        self.close()
        return error

    def _exchange(self, data: bytes, timeout: float | None, waiting_for: str) -> bytes:
        """Send ``data`` (may be empty) and return the next line, all within ``timeout``."""
        proc = self._proc
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        out_fd, in_fd = proc.stdout.fileno(), proc.stdin.fileno()
        deadline = None if timeout is None else time.monotonic() + timeout
        unsent = memoryview(data)
        while (end := self._buffer.find(b"\n")) < 0:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                raise self._fail(f"timed out after {timeout:g}s waiting for {waiting_for}")
            readable, writable, _ = select.select([out_fd], [in_fd] if unsent else [], [],
                                                  remaining)
            if writable:
                try:
                    unsent = unsent[os.write(in_fd, unsent[:1 << 16]):]
                except BlockingIOError:
                    pass
                except BrokenPipeError:
                    unsent = unsent[:0]  # it stopped reading: its exit shows up on stdout
            if readable:
                chunk = os.read(out_fd, 1 << 16)
                if not chunk:
                    code = proc.wait()
                    raise self._fail(f"exited with code {code} while we waited for {waiting_for}")
                self._buffer += chunk
        if unsent:
            raise self._fail(f"printed a line before reading all of its input ({waiting_for})")
        line = bytes(self._buffer[:end])
        del self._buffer[:end + 1]
        return line

    def _ensure_running(self) -> None:
        if self._proc is not None and self._owner != os.getpid():
            self._disown()  # inherited through fork: the parent's process, not ours
        if self._proc is not None and self._proc.poll() is None:
            return
        self.close()
        hello = self._start()
        if (hello["name"], hello["version"]) != (self.name, self._version):
            raise self._fail(f"restarted as {hello['name']} {hello['version']}, "
                             f"not {self.name} {self._version}")

    def extract(self, page: Page) -> Prediction:
        self._ensure_running()
        line = json.dumps(page_to_json(page), ensure_ascii=False).encode("utf-8") + b"\n"
        reply = self._exchange(line, self.timeout, f"the prediction for page {page.id!r}")
        try:
            pred = prediction_from_json(json.loads(reply))
        except ValueError as exc:
            raise self._fail(f"invalid reply for page {page.id!r}: {exc}: {reply[:200]!r}") \
                from None
        if pred.doc_id != page.id:
            raise self._fail(f"answered for {pred.doc_id!r} when asked for {page.id!r}")
        return pred

    def _disown(self) -> None:
        """Drop a process inherited through fork without touching it (the parent owns it)."""
        for stream in (self._proc.stdin, self._proc.stdout):  # type: ignore[union-attr]
            if stream is not None:
                stream.close()
        self._proc, self._stderr = None, None

    def close(self) -> None:
        """Stop the command: end of input first, then its whole process group."""
        if self._proc is None:
            return
        if self._owner != os.getpid():
            self._disown()
            return
        proc, self._proc = self._proc, None
        if proc.poll() is None:
            try:
                proc.stdin.close()  # type: ignore[union-attr]
                proc.wait(timeout=1.0)
            except (OSError, subprocess.TimeoutExpired):
                pass
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None and not stream.closed:
                stream.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown: nothing left to clean
            pass
