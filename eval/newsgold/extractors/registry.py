"""Finding extractors by name: built-ins, installed plug-ins and ``module:attr`` strings.

Built-ins come from ``builtin.BUILTINS``; plug-ins declare an entry point in the group
``newsgold.extractors`` (read on the first lookup, never at import). A plug-in named like a
built-in is ignored with a warning (built-ins win); two plug-ins or registrations claiming one
name raise. Targets are imported only when an extractor is asked for.
"""

from __future__ import annotations

import difflib
import importlib
import warnings
from dataclasses import dataclass
from importlib import metadata
from typing import Any, Callable, Mapping

from .base import TASKS

ENTRY_POINT_GROUP = "newsgold.extractors"
INPUTS: tuple[str, ...] = ("html", "text")


class UnknownExtractorError(LookupError):
    """No extractor of that name (the message suggests close names)."""


class DuplicateExtractorError(ValueError):
    """Two definitions claim one name."""


class ExtractorUnavailableError(RuntimeError):
    """The extractor exists but cannot run here (a library is missing)."""


class ExtractorContractError(TypeError):
    """An object that does not implement the extractor contract."""


@dataclass(frozen=True)
class ExtractorInfo:
    """What the harness knows about an extractor: its identity and declared capabilities."""

    name: str
    version: str
    tasks: tuple[str, ...]
    input: str
    #: Where it was defined (``module:attr``, a command line or a predictions file).
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "tasks": list(self.tasks),
                "input": self.input, "source": self.source}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "ExtractorInfo":
        return cls(data["name"], data["version"], tuple(data["tasks"]), data["input"],
                   data["source"])


def _where(obj: Any) -> str:
    is_object = not isinstance(obj, type) and hasattr(obj, "extract")
    target = type(obj) if is_object else obj
    return f"{getattr(target, '__module__', '?')}:{getattr(target, '__qualname__', '?')}"


def extractor_info(extractor: Any, source: str | None = None) -> ExtractorInfo:
    """Check that ``extractor`` implements the contract (duck typing is fine) and describe it."""
    problems = []
    name = getattr(extractor, "name", None)
    if not isinstance(name, str) or not name or any(c in name for c in "|=:"):
        problems.append(f"`name` must be a non-empty string without '|', '=' or ':', got {name!r}")
    tasks = getattr(extractor, "tasks", None)
    if isinstance(tasks, str) or not isinstance(tasks, (set, frozenset, tuple, list)) \
            or not tasks or not all(t in TASKS for t in tasks):
        problems.append(f"`tasks` must be a non-empty subset of {set(TASKS)}, got {tasks!r}")
    kind = getattr(extractor, "input", "text")
    if kind not in INPUTS:
        problems.append(f"`input` must be 'html' or 'text', got {kind!r}")
    if not callable(getattr(extractor, "extract", None)):
        problems.append("`extract(page)` must be a method")
    version = getattr(extractor, "version", "0")
    if callable(version):
        try:
            version = version()
        except Exception as exc:  # noqa: BLE001 - a broken version() is a contract error too
            problems.append(f"`version()` raised {type(exc).__name__}: {exc}")
    if not isinstance(version, str) or not version or "|" in version:
        problems.append(f"`version()` must return a non-empty string without '|', got {version!r}")
    if problems:
        raise ExtractorContractError(f"{_where(extractor)} is not an extractor: "
                                     + "; ".join(problems))
    return ExtractorInfo(name, version, tuple(t for t in TASKS if t in tasks), kind,
                         source or getattr(extractor, "source", None) or _where(extractor))


def import_target(target: str) -> Any:
    """The object named by ``"package.module:attr.sub"``."""
    module_name, sep, attr = target.partition(":")
    if not sep or not module_name or not attr:
        raise ValueError(f"{target!r} is not of the form 'module:attr'")
    try:
        obj: Any = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and (module_name == exc.name or module_name.startswith(exc.name + ".")):
            raise UnknownExtractorError(f"cannot import {target!r}: no module {exc.name!r}") \
                from exc
        raise ExtractorUnavailableError(f"{target}: {exc}") from exc
    except ImportError as exc:
        raise ExtractorUnavailableError(f"{target}: {exc}") from exc
    for part in attr.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise UnknownExtractorError(f"module {module_name!r} has no attribute {attr!r}") \
                from None
    return obj


def instantiate(obj: Any, source: str) -> Any:
    """An extractor from a class (called without arguments), a factory or an instance."""
    if isinstance(obj, type):
        available = getattr(obj, "is_available", None)
        if callable(available) and not available():
            hint = getattr(obj, "install_hint", lambda: "")()
            raise ExtractorUnavailableError(f"{source} is not available here"
                                            + (f"; {hint}" if hint else ""))
    elif not callable(obj) or callable(getattr(obj, "extract", None)):
        return obj
    try:
        return obj()
    except TypeError as exc:
        raise ExtractorContractError(f"{source} cannot be called without arguments to make an "
                                     f"extractor: {exc}") from exc


@dataclass(frozen=True)
class Entry:
    """One registered name."""

    name: str
    #: ``"module:attr"``, or the object itself when registered directly.
    target: Any
    #: "built-in", "plug-in (<distribution> <version>)" or "registered".
    origin: str

    @property
    def where(self) -> str:
        return self.target if isinstance(self.target, str) else _where(self.target)

    def load(self) -> Any:
        return import_target(self.target) if isinstance(self.target, str) else self.target


@dataclass(frozen=True)
class Listing:
    """One row of ``newsgold extractors``."""

    name: str
    where: str
    origin: str
    available: bool
    version: str | None
    tasks: tuple[str, ...]
    input: str | None
    problem: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "where": self.where, "origin": self.origin,
                "available": self.available, "version": self.version,
                "tasks": list(self.tasks), "input": self.input, "problem": self.problem}


class ExtractorRegistry:
    """Names to lazily imported extractors."""

    def __init__(self, builtins: Mapping[str, str],
                 group: str | None = ENTRY_POINT_GROUP) -> None:
        self._entries: dict[str, Entry] = {n: Entry(n, t, "built-in") for n, t in builtins.items()}
        self._group = group
        self._plugins_read = group is None

    def _read_plugins(self) -> None:
        if self._plugins_read:
            return
        self._plugins_read = True
        seen: dict[str, Entry] = {}
        for ep in metadata.entry_points(group=self._group):
            dist = getattr(ep, "dist", None)
            origin = f"plug-in ({dist.name} {dist.version})" if dist else "plug-in"
            entry = Entry(ep.name, ep.value, origin)
            if ep.name in self._entries and self._entries[ep.name].origin == "built-in":
                warnings.warn(f"{origin} {ep.name}={ep.value} is shadowed by the built-in "
                              f"extractor of that name", stacklevel=3)
                continue
            if ep.name in seen and seen[ep.name].target != ep.value:
                raise DuplicateExtractorError(
                    f"extractor name {ep.name!r} is claimed by {seen[ep.name].origin} "
                    f"({seen[ep.name].target}) and by {origin} ({ep.value})")
            seen[ep.name] = entry
        for name, entry in seen.items():
            if name in self._entries:
                raise DuplicateExtractorError(f"extractor name {name!r} is claimed by "
                                              f"{self._entries[name].origin} and by {entry.origin}")
            self._entries[name] = entry

    def register(self, name: str, target: str | type | Callable[[], Any] | Any) -> None:
        """Add a name for a ``"module:attr"`` string, a class, a factory or an instance."""
        if not name or ":" in name:
            raise ValueError(f"invalid extractor name {name!r}")
        self._read_plugins()
        if name in self._entries:
            raise DuplicateExtractorError(f"extractor name {name!r} is already registered "
                                          f"({self._entries[name].origin}: "
                                          f"{self._entries[name].where})")
        self._entries[name] = Entry(name, target, "registered")

    def names(self) -> list[str]:
        self._read_plugins()
        return sorted(self._entries)

    def entry(self, name: str) -> Entry:
        self._read_plugins()
        try:
            return self._entries[name]
        except KeyError:
            close = difflib.get_close_matches(name, list(self._entries), n=3, cutoff=0.6)
            hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
            known = f" (known: {', '.join(sorted(self._entries))})" if self._entries else ""
            raise UnknownExtractorError(f"unknown extractor {name!r}{hint}{known}") from None

    def create(self, spec: str) -> Any:
        """An extractor instance for a registered name or a ``"module:attr"`` string."""
        if ":" in spec:
            obj, source = import_target(spec), spec
        else:
            entry = self.entry(spec)
            obj, source = entry.load(), entry.where
        extractor = instantiate(obj, source)
        extractor_info(extractor, source)
        return extractor

    def source(self, spec: str) -> str:
        """Where the extractor named by ``spec`` is defined."""
        return spec if ":" in spec else self.entry(spec).where

    def listing(self) -> list[Listing]:
        """Every name with where it is defined, whether it runs here and its version."""
        rows = []
        for name in self.names():
            entry = self._entries[name]
            try:
                info = extractor_info(instantiate(entry.load(), entry.where), entry.where)
                rows.append(Listing(name, entry.where, entry.origin, True, info.version,
                                    info.tasks, info.input, None))
            except Exception as exc:  # noqa: BLE001 - any failure means "not available here"
                rows.append(Listing(name, entry.where, entry.origin, False, None, (), None,
                                    f"{type(exc).__name__}: {exc}"))
        return rows


def default_registry() -> ExtractorRegistry:
    """The process-wide registry (built-ins plus installed plug-ins)."""
    global _DEFAULT
    if _DEFAULT is None:
        from .builtin import BUILTINS

        _DEFAULT = ExtractorRegistry(BUILTINS)
    return _DEFAULT


_DEFAULT: ExtractorRegistry | None = None


def get_extractor(spec: Any) -> tuple[Any, ExtractorInfo]:
    """An extractor and its description, from a name, a ``"module:attr"`` string or an object
    implementing the contract (returned as is, after checking it)."""
    if isinstance(spec, str):
        registry = default_registry()
        extractor = registry.create(spec)
        return extractor, extractor_info(extractor, registry.source(spec))
    return spec, extractor_info(spec)
