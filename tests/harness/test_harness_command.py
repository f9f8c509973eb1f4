"""The command protocol: real commands (shell/awk, Node.js, Python) as one long-lived process."""

from __future__ import annotations

import shutil
import sys
import textwrap
from pathlib import Path

import pytest

from harness.fixtures import Nothing, Paragraphs, calls, make_documents
from newsgold.extractors.command import CommandError, CommandExtractor
from newsgold.harness import evaluate

AWK_NOTHING = r"""#!/bin/sh
echo '{"newsgold": 1, "name": "awk-nothing", "version": "1", "tasks": ["boilerplate"]}'
exec awk -W interactive '{
  match($0, /"id": "[^"]*"/); id = substr($0, RSTART + 7, RLENGTH - 8)
  printf "{\"id\": \"%s\", \"main_text\": \"\"}\n", id; fflush()
}'
"""

NODE_PARAGRAPHS = """\
const readline = require("readline");
console.log(JSON.stringify({newsgold: 1, name: "node-paragraphs", version: "1",
                            tasks: ["boilerplate", "entities"], input: "text"}));
const NAMES = %s;
readline.createInterface({input: process.stdin}).on("line", (line) => {
  const page = JSON.parse(line);
  const paragraphs = page.text.split("\\n\\n").filter((p) => p.length > 60);
  const entities = [];
  for (const name of NAMES) {
    const at = page.text.indexOf(name);  // ASCII texts: UTF-16 and code-point offsets agree
    if (at >= 0) entities.push({start: at, end: at + name.length, label: "PERSON"});
  }
  console.log(JSON.stringify({id: page.id, main_text: paragraphs.join("\\n\\n"), entities}));
});
"""

PYTHON_FAULTY = """\
import json, os, sys, time
with open(sys.argv[1], "a") as log:
    log.write(f"{os.getpid()}\\n")
print(json.dumps({"newsgold": 1, "name": "py-faulty", "version": "1",
                  "tasks": ["boilerplate"]}), flush=True)
for line in sys.stdin:
    page = json.loads(line)
    fault = %r.get(page["id"])
    if fault == "hang":
        time.sleep(3600)
    if fault == "exit":
        sys.exit(3)
    if fault == "garbage":
        print("this is not JSON", flush=True)
        continue
    answer = "someone-else" if fault == "wrong-id" else page["id"]
    if fault == "error":
        print(json.dumps({"id": answer, "error": "no article found"}), flush=True)
        continue
    print(json.dumps({"id": answer, "main_text": page["text"][:50]}), flush=True)
"""


def _script(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    path.chmod(0o755)
    return path


def test_shell_and_awk_command_scores_like_the_same_python_extractor(tmp_path: Path) -> None:
    docs = make_documents(8)
    command = CommandExtractor(str(_script(tmp_path, "nothing.sh", AWK_NOTHING)))
    assert (command.name, command.version(), command.tasks) == ("awk-nothing", "1",
                                                                frozenset({"boilerplate"}))
    result = evaluate(command, documents=docs, resamples=50, cache=False)
    assert all(p.status == "ok" and p.prediction.main_text == "" for p in result.pages)
    reference = evaluate(Nothing(), tasks=["boilerplate"], documents=docs, resamples=50,
                         cache=False)
    assert [s.values for s in result.scores] == [s.values for s in reference.scores]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_node_command_scores_like_the_same_python_extractor(tmp_path: Path) -> None:
    from harness.fixtures import NAMES

    docs = make_documents(10)
    script = _script(tmp_path, "paragraphs.js", NODE_PARAGRAPHS % list(NAMES).__repr__())
    result = evaluate(CommandExtractor(f"node {script}"), documents=docs, workers=2,
                      resamples=50, cache=False)
    assert {p.status for p in result.pages} == {"ok"}
    reference = evaluate(Paragraphs(), documents=docs, resamples=50, cache=False)
    assert [s.metric for s in result.scores] == [s.metric for s in reference.scores]
    assert [s.values for s in result.scores] == [s.values for s in reference.scores]


def _faulty(tmp_path: Path, faults: dict[str, str]) -> tuple[CommandExtractor, Path]:
    log = tmp_path / "starts.txt"
    script = _script(tmp_path, "faulty.py", PYTHON_FAULTY % faults)
    return CommandExtractor(f"{sys.executable} {script} {log}"), log


def test_one_long_lived_process_serves_every_page(tmp_path: Path) -> None:
    command, starts = _faulty(tmp_path, {})
    result = evaluate(command, documents=make_documents(12), resamples=20, cache=False)
    assert {p.status for p in result.pages} == {"ok"}
    assert len(calls(starts)) == 2  # the probe reading the handshake, then one process


def test_each_command_failure_costs_one_page_and_restarts_the_command(tmp_path: Path) -> None:
    faults = {"doc-001": "hang", "doc-003": "exit", "doc-005": "garbage", "doc-007": "wrong-id",
              "doc-008": "error"}
    command, starts = _faulty(tmp_path, faults)
    docs = make_documents(10)
    result = evaluate(command, documents=docs, timeout=1.0, resamples=20, cache=False)
    status = {p.doc_id: p for p in result.pages}
    expected = {"hang": "timed out after 1s", "exit": "exited with code 3",
                "garbage": "invalid reply", "wrong-id": "answered for 'someone-else'",
                "error": "no article found"}
    for doc_id, fault in faults.items():
        assert status[doc_id].status == "error"
        assert expected[fault] in status[doc_id].error, status[doc_id].error
    assert all(status[d.id].status == "ok" for d in docs if d.id not in faults)
    # the probe, the first process, and one restart after each fault that killed the command
    assert len(calls(starts)) == 2 + 4


def test_a_bad_handshake_is_refused(tmp_path: Path) -> None:
    script = _script(tmp_path, "rude.sh", "#!/bin/sh\necho hello\ncat\n")
    with pytest.raises(CommandError, match="bad handshake"):
        CommandExtractor(str(script))
    silent = _script(tmp_path, "silent.sh", "#!/bin/sh\nsleep 30\n")
    with pytest.raises(CommandError, match="timed out after 0.5s waiting for its handshake"):
        CommandExtractor(str(silent), startup_timeout=0.5)
