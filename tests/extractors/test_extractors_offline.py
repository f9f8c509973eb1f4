"""No adapter touches the network, and the offline guard fails fast when a library tries."""

from __future__ import annotations

import socket

import pytest

from newsgold.extractors.builtin import BUILTINS
from newsgold.extractors.offline import NetworkUseError, offline
from newsgold.extractors.registry import import_target

#: Library warnings that are not ours to fix: ReadabiliPy 0.3.0 calls a deprecated BeautifulSoup
#: method; newspaper4k warns at import when NLTK (optional, unused here) is absent.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Call to deprecated method findAll:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:nltk is not installed:UserWarning"),
]


@pytest.mark.parametrize("name", sorted(BUILTINS))
def test_adapter_opens_no_network_connection(name, all_pages, network_attempts):
    cls = import_target(BUILTINS[name])
    if not cls.is_available():
        pytest.skip(f"{name}: the extractors extra is not installed")
    extractor = cls()
    ran = 0
    for page in all_pages:
        if extractor.input == "html" and page.html is None:
            continue
        pred = extractor.extract(page)
        assert pred.doc_id == page.id
        ran += 1
    assert ran >= 3
    assert network_attempts == []


def test_guard_refuses_name_lookups_and_connections_naming_the_culprit():
    with offline("demo-adapter on page p1"):
        with pytest.raises(NetworkUseError, match="demo-adapter on page p1.*getaddrinfo"):
            socket.getaddrinfo("example.org", 80)
        with socket.socket() as sock, pytest.raises(NetworkUseError,
                                                   match="demo-adapter on page p1.*socket.connect"):
            sock.connect(("127.0.0.1", 9))  # refused before any packet is sent
        a, b = socket.socketpair()  # local Unix sockets stay allowed
        a.sendall(b"x")
        assert b.recv(1) == b"x"
        a.close()
        b.close()


def test_guard_is_lifted_after_the_block_and_is_a_connection_error():
    with offline("demo-adapter"):
        pass
    assert issubclass(NetworkUseError, ConnectionError)
    with socket.socket() as sock:  # no network use: an unconnected socket
        assert sock.fileno() >= 0
