"""Fixtures: a real Label Studio server (session), a client, and temp copies of annotations/.

The server venv and its template data dir are made by the project's own script
(scripts/labelstudio-venv.sh, idempotent: reused when present); the server runs on 127.0.0.1 on
a copy of the template and is stopped by pid at the end of the session.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from newsgold.annotate import server as ls_server_module
from newsgold.markup import parse, serialize

sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotate_testdata import REPO, SEED, SMALL_DOCS, small_doc_source  # noqa: E402


@pytest.fixture(scope="session")
def ls_server(tmp_path_factory):
    """A real Label Studio on 127.0.0.1 (venv and template made by the project's script)."""
    began = time.monotonic()
    done = subprocess.run(["bash", str(REPO / "scripts" / "labelstudio-venv.sh")],
                          stdout=sys.stderr, stderr=sys.stderr)
    if done.returncode != 0:
        pytest.fail("scripts/labelstudio-venv.sh failed; see its output above")
    prepared = time.monotonic()
    srv = ls_server_module.start(tmp_path_factory.mktemp("labelstudio") / "data")
    print(f"\nlabel studio: venv+template {prepared - began:.1f} s, "
          f"start {time.monotonic() - prepared:.1f} s on {srv.url}", file=sys.stderr)
    yield srv
    ls_server_module.stop(srv.pid)


@pytest.fixture
def ls_env(ls_server, monkeypatch):
    """The environment the commands read, pointing at the test server."""
    monkeypatch.setenv("LABEL_STUDIO_URL", ls_server.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", ls_server.token)
    return ls_server


@pytest.fixture
def ls(ls_env):
    from newsgold.annotate.client import connect

    return connect()


@pytest.fixture
def project_title(request) -> str:
    """A project title no other test uses."""
    return f"{request.node.name[:40]}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def annotations(tmp_path) -> Path:
    """A temp annotations/ with the seed document and the small test documents."""
    root = tmp_path / "annotations"
    (root / "gold").mkdir(parents=True)
    shutil.copy(SEED, root / "gold" / SEED.name)
    for doc_id in SMALL_DOCS:
        source = small_doc_source(doc_id)
        assert serialize(parse(source)) == source, "test documents must be canonical"
        (root / "gold" / f"{doc_id}.txt").write_text(source, encoding="utf-8")
    return root


@pytest.fixture
def cli():
    """Run ``newsgold ...`` in-process; returns the click Result."""
    from click.testing import CliRunner

    from newsgold.cli import main

    def run(*args: str):
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)

    return run
