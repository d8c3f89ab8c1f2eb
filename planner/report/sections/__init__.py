"""The report's sections, as a registry of named builder functions.

A section is a :class:`Section`: a name (used on the command line, ``--sections summary,gantt``), a title (its
heading and bookmark), an ``order`` (where it goes: the cover is 0, the appendix 90) and ``build(ctx)``, which
returns the section's flowables, starting with ``ctx.heading(...)``. Adding a section is adding a module to this
package that defines ``SECTIONS = [Section(...)]``; it is discovered like the sub-commands of ``planner``. A
section that has nothing to say for a plan (say a risk section without a simulation) returns ``[]`` and leaves no
trace in the report. Code elsewhere may also call :func:`register_section`.

Orders of the built-in sections: cover 0, summary 10, roadmap 20, Gantt 30, stage timeline 45 (under the Gantt's last rows), dependency graph
50, stages in detail 60, critical path 70, (risk 74, capacity 76 are reserved for those sections), findings 80,
appendix 90.
"""

from __future__ import annotations

import importlib
import pkgutil
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner.units import agree

if TYPE_CHECKING:
    from planner.report.context import ReportContext


@dataclass(frozen=True)
class Section:
    """One section of the report. ``build`` returns a list of ReportLab flowables (may be empty)."""

    name: str
    title: str
    build: Callable[[ReportContext], list[Any]]
    order: float
    default: bool = True  # part of the report when no section list is given
    description: str = ""  # one line for the CLI help and the export dialog
    weight: float = 1.0  # rough share of the work, for progress
    wide: bool = False  # on landscape pages even in a portrait report (wide charts and tables)
    new_page: bool = True  # False: follows the previous section on its page when there is room


_registry: dict[str, Section] = {}
_lock = threading.Lock()
_discovered = False


def register_section(section: Section, *, replace: bool = False) -> None:
    """Add ``section`` to the registry (a name may be registered once unless ``replace``)."""
    with _lock:
        if section.name in _registry and not replace and _registry[section.name] != section:
            raise ValueError(f"a report section named {section.name!r} is already registered")
        _registry[section.name] = section


def unregister_section(name: str) -> None:
    """Remove the section ``name`` from the registry (no error when it is not there)."""
    _discover()
    with _lock:
        _registry.pop(name, None)


def _discover() -> None:
    global _discovered
    if _discovered:
        return
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for section in getattr(module, "SECTIONS", ()):
            register_section(section)
    _discovered = True


def all_sections() -> list[Section]:
    """Every registered section, in report order."""
    _discover()
    with _lock:
        return sorted(_registry.values(), key=lambda s: (s.order, s.name))


def default_section_names() -> list[str]:
    return [s.name for s in all_sections() if s.default]


def resolve_sections(names: Sequence[str] | None) -> list[Section]:
    """The sections to build, in report order: ``names`` (any order), or the default ones when None.

    Raises ValueError naming the unknown section(s) and the known ones.
    """
    sections = all_sections()
    if names is None:
        return [s for s in sections if s.default]
    known = {s.name: s for s in sections}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(
            f"unknown report {agree(len(unknown), 'section', 'sections')} {', '.join(map(repr, unknown))}; "
            f"choose from: {', '.join(known)}"
        )
    wanted = set(names)
    return [s for s in sections if s.name in wanted]
