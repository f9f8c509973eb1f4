"""Regenerate reports/leaderboard.* and the README's leaderboard section in one run.

Usage: python scripts/refresh-leaderboard.py   (same run as `newsgold leaderboard`; cached predictions are reused)
"""

from __future__ import annotations

import re
from pathlib import Path

from newsgold.leaderboard import readme_section, run_leaderboard
from newsgold.leaderboard.report import write_reports
from newsgold.atomic import write_text

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- leaderboard:start -->", "<!-- leaderboard:end -->"


def main() -> None:
    board = run_leaderboard(command_line="newsgold leaderboard", progress=True)
    write_reports(board, ROOT / "reports")
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    section = f"{START}\n{readme_section(board)}\n{END}"
    new, n = re.subn(re.escape(START) + ".*?" + re.escape(END), lambda _: section, text, flags=re.S)
    if n != 1:
        raise SystemExit(f"{readme}: expected one {START} … {END} block")
    write_text(readme, new)
    print(f"updated {readme} and {ROOT / 'reports'}")


if __name__ == "__main__":
    main()
