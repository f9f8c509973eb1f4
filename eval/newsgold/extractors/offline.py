"""Running third-party extractors with the network forbidden.

Adapters wrap every library call in ``offline(who)``: while one is active, any attempt in this
process to resolve a host name or connect an internet socket raises ``NetworkUseError`` at once
(through a ``sys.addaudithook`` hook, so it also catches libraries that bypass ``socket.socket``
subclasses), naming the adapter and the page. A library that would fetch something (images, a
stop-list, NLTK data) therefore fails fast instead of hanging. ``NetworkUseError`` is a
``ConnectionError``, so libraries that already fall back gracefully when offline still do.
The guard is process-wide while active (library threads are covered too); it costs one string
comparison per audit event.
"""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: Audit events that start network traffic (see the table of CPython audit events).
_NETWORK_EVENTS = frozenset({
    "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    "socket.sendto", "socket.sendmsg",
})
_INTERNET = frozenset({socket.AF_INET, socket.AF_INET6})

_lock = threading.Lock()
_active: list[str] = []
_hook_installed = False


class NetworkUseError(ConnectionError):
    """An extractor tried to use the network; newsgold runs every extractor offline."""


def _audit(event: str, args: tuple) -> None:
    if not _active or event not in _NETWORK_EVENTS:
        return
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        sock = args[0]
        if getattr(sock, "family", None) not in _INTERNET:
            return  # Unix sockets and pipes are local
        target = args[1] if event != "socket.sendmsg" else "?"
    else:
        target = args[0]
    raise NetworkUseError(f"{_active[-1]} tried to use the network ({event} {target!r}); "
                          f"newsgold extractors must run offline")


def _install_hook() -> None:
    global _hook_installed
    with _lock:
        if not _hook_installed:
            sys.addaudithook(_audit)
            _hook_installed = True


@contextmanager
def offline(who: str) -> Iterator[None]:
    """Forbid network use in this process while the block runs; ``who`` goes into the error."""
    _install_hook()
    with _lock:
        _active.append(who)
    try:
        yield
    finally:
        with _lock:
            _active.remove(who)
