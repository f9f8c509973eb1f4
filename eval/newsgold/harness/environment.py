"""The environment of a run, for the JSON run record: interpreter, platform, installed packages."""

from __future__ import annotations

import platform
from functools import cache
from importlib import metadata


def python_version() -> str:
    return f"{platform.python_implementation()} {platform.python_version()}"


def platform_name() -> str:
    return platform.platform()


def _name_version(dist: metadata.Distribution) -> tuple[str | None, str | None]:
    """Name and version from the metadata header alone (parsing whole files is slow)."""
    text = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or ""
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            break
        key, sep, value = line.partition(":")
        if sep and key in ("Name", "Version"):
            fields.setdefault(key, value.strip())
    return fields.get("Name"), fields.get("Version")


@cache
def installed_packages() -> dict[str, str]:
    """Every installed distribution and its version, sorted by name."""
    found: dict[str, str] = {}
    for dist in metadata.distributions():
        name, version = _name_version(dist)
        if name and version:
            found.setdefault(name, version)
    return dict(sorted(found.items(), key=lambda item: item[0].lower()))
