#!/usr/bin/env python3
"""Build the Label Studio template data dir, or start / stop a local server (127.0.0.1 only).

    scripts/labelstudio-venv.sh                        # venv + template (idempotent)
    scripts/labelstudio-server.py start --data-dir ~/newsgold-ls
    scripts/labelstudio-server.py stop --data-dir ~/newsgold-ls

``start`` copies the template into a new data dir (an existing one is reused, keeping its
projects) and prints the ``export`` lines for LABEL_STUDIO_URL and LABEL_STUDIO_API_KEY. The logic
lives in ``newsgold.annotate.server`` (standard library only), imported from the source tree.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from newsgold.annotate import server  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    template = sub.add_parser("template", help="build the migrated template data dir once")
    start = sub.add_parser("start", help="start a server on a data dir (copied from the template)")
    stop = sub.add_parser("stop", help="stop the server of a data dir by its pid")
    for p in (template, start):
        p.add_argument("--venv", type=Path, default=None,
                       help="server venv (default: .venv-labelstudio or $NEWSGOLD_LS_VENV)")
    for p in (start, stop):
        p.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args()
    began = time.monotonic()
    try:
        if args.command == "template":
            path = server.ensure_template(args.venv)
            print(f"labelstudio-server: template {path} ({time.monotonic() - began:.1f} s)")
        elif args.command == "start":
            srv = server.start(args.data_dir.resolve(), args.venv)
            print(f"# Label Studio {server.LS_VERSION} up in {time.monotonic() - began:.1f} s "
                  f"(pid {srv.pid}, log {srv.log})", file=sys.stderr)
            print(f"# log in at {srv.url} as {srv.username}; password in "
                  f"{srv.data_dir / server.CREDENTIALS}", file=sys.stderr)
            print(f"export LABEL_STUDIO_URL={srv.url}")
            print(f"export LABEL_STUDIO_API_KEY={srv.token}")
        else:
            pid = server.running_pid(args.data_dir)
            if pid is None:
                print(f"labelstudio-server: no server runs on {args.data_dir}", file=sys.stderr)
                return 1
            server.stop(pid)
            print(f"labelstudio-server: stopped pid {pid}", file=sys.stderr)
    except (server.ServerError, OSError) as exc:
        print(f"labelstudio-server: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
