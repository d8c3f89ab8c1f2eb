"""Names on one line: a plan as its text outputs name its things (the command line's text and the PDF report).

Each name (the title, a stage's, area's, team's, decision's, risk's, baseline's and scenario's name, gate criteria)
with a tab, newline, carriage return or other control character is written with :func:`planner.units.one_line`
(the escape ``\\x0a``), so that it stays on its line and in its column, and shows what the file holds. JSON keeps
names as the file has them. No Qt: the command line and the report call it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from planner import units

if TYPE_CHECKING:
    from planner.model.plan import Plan

_PROSE = frozenset(
    {"description", "notes", "goal", "mitigation", "note", "extensions", "layout", "references"}
)
"""Fields one-line text never shows as a name: prose (wrapped by :func:`wrap`, which makes it one paragraph), the
data kept for other tools, the canvas positions, and the references, which coverage reads (a reference whose
words a line break separates is the same reference, as in the JSON; a message quotes one with ``units.quoted``)."""


def name_key(name: str) -> str:
    """What makes two names one name (a scenario's, a baseline's): the same text in Unicode's composed form (NFC).
    'Café' typed (é) and 'Café' pasted from a file written on macOS (e and a combining accent) look alike in every
    output; --scenario and --baseline took only the one spelled byte for byte like the file, and two scenarios so
    named were not warned of (H-unseen23, H-unseen24).

    >>> name_key("Cafe\u0301") == name_key("Caf\u00e9")
    True
    """
    import unicodedata

    return name if name.isascii() else unicodedata.normalize("NFC", name)


TYPO_IDS_AT_MOST = 5_000
"""Ids :func:`typo_for` compares with at most (a lookup is about 10 ms a thousand ids): a larger plan gets no
suggestion rather than a slow check."""


def typo_for(name: str, ids: Collection[str]) -> str:
    """``, perhaps a typo for 'value-case'`` when ``name`` (an id the plan does not have) is close to one of
    ``ids``, else empty: a hand-edited file's ``value-cse`` names the id meant, so the author need not hunt for it.
    The one wording of a mistyped id in scenario warnings and validation findings.

    >>> typo_for("value-cse", {"value-case", "pilot"}), typo_for("zz", ["a", "b"])
    (", perhaps a typo for 'value-case'", '')
    """
    import difflib

    if len(ids) > TYPO_IDS_AT_MOST:
        return ""
    close = difflib.get_close_matches(name, sorted(ids), n=1, cutoff=0.75)
    return f", perhaps a typo for {units.quoted(close[0])}" if close else ""


def one_line_names(plan: Plan) -> Plan:
    """``plan`` as the text outputs name its things: every name and reference (the title, each stage's, area's,
    team's, decision's, risk's, baseline's and scenario's name, gate criteria, and the ids a field refers to) on one
    line (:func:`planner.units.one_line`: a tab, newline, carriage return or other control character written as its
    escape, ``\\x0a``). Called by every text output on the plan it reads once its names have been looked up, never
    for JSON, which keeps the names as the file has them. Names are display only (a decision's links, owner and
    stage are by id, and ids hold no control character), so the figures are the same; the plan itself is returned
    when it has nothing to change (the usual case: a check of the decisions' names costs a join)."""
    if _printable([plan]):
        return plan
    changed = _one_line(plan)
    return plan if changed is _SAME else changed


_SAME: Any = object()


def _one_line(value: Any) -> Any:
    """``value`` with :func:`planner.units.one_line` applied to every string in it (keys too), outside prose
    (:data:`_PROSE`); :data:`_SAME` when nothing changes. Models and rows (msgspec structs) are copied, not
    edited."""
    if isinstance(value, str):
        text = units.one_line(value)
        return _SAME if text == value else text
    if isinstance(value, list | tuple):
        if len(value) > 64 and _printable(value):
            return _SAME
        items = [_one_line(v) for v in value]
        if all(v is _SAME for v in items):
            return _SAME
        return type(value)(v if n is _SAME else n for v, n in zip(value, items, strict=True))
    if isinstance(value, dict):
        pairs = [(_one_line(k), _one_line(v)) for k, v in value.items()]
        if all(k is _SAME and v is _SAME for k, v in pairs):
            return _SAME
        return {
            (k if nk is _SAME else nk): (v if nv is _SAME else nv)
            for (k, v), (nk, nv) in zip(value.items(), pairs, strict=True)
        }
    names = _fields(type(value))
    if not names:
        return _SAME
    update = {}
    for name in names:
        if name in _PROSE:
            continue
        new = _one_line(getattr(value, name))
        if new is not _SAME:
            update[name] = new
    if not update:
        return _SAME
    if hasattr(value, "model_copy"):
        return value.model_copy(update=update)
    import msgspec

    return msgspec.structs.replace(value, **update)


def _fields(kind: type) -> tuple[str, ...]:
    """The fields of a pydantic model or a msgspec struct (a row of :mod:`planner.model.rows`) that may hold a name
    or a reference: text, or what holds text; not prose (:data:`_PROSE`), not the ids (their pattern allows no
    control character), not numbers, dates or choices. () for anything else."""
    known = _FIELDS.get(kind)
    if known is None:
        known = _FIELDS[kind] = _text_fields(kind)
    return known


_FIELDS: dict[type, tuple[str, ...]] = {}


def _text_fields(kind: type) -> tuple[str, ...]:
    model = getattr(kind, "model_fields", None)
    if model is not None:
        types = {name: f.annotation for name, f in model.items()}
    elif hasattr(kind, "__struct_fields__"):
        import msgspec

        types = {f.name: f.type for f in msgspec.structs.fields(kind)}
    else:
        return ()
    return tuple(n for n, tp in types.items() if n not in _PROSE and n != "id" and _holds_text(tp))


def _holds_text(tp: Any) -> bool:
    import enum
    import typing

    if typing.get_origin(tp) is typing.Annotated:
        return _holds_text(typing.get_args(tp)[0])
    if typing.get_args(tp):
        return typing.get_origin(tp) is not typing.Literal and any(
            _holds_text(a) for a in typing.get_args(tp)
        )
    if not isinstance(tp, type):
        return tp is Any
    if issubclass(tp, enum.Enum) or tp in _PLAIN:
        return False
    if issubclass(tp, str | list | tuple | dict):
        return True
    if hasattr(tp, "model_fields") or hasattr(tp, "__struct_fields__"):
        return bool(_fields(tp))
    return tp.__module__ != "msgspec"  # an unknown class may hold text; msgspec's UNSET does not


def _printable(items: list[Any] | tuple[Any, ...]) -> bool:
    """Whether every string in ``items`` and in what they hold (outside prose) is printable: checked a field at a
    time over all of them, with one join each, so 100,000 decisions whose names are all fine are not walked one by
    one in Python (issue 12)."""
    import itertools
    import operator

    kinds = set(map(type, items))
    for kind in kinds:
        if kind in _PLAIN:
            continue
        group: Any = items if len(kinds) == 1 else [v for v in items if type(v) is kind]
        if issubclass(kind, str):
            ok = "".join(group).isprintable()
        elif kind is list or kind is tuple:
            ok = _printable(list(itertools.chain.from_iterable(group)))
        elif kind is dict:
            ok = _printable(list(itertools.chain.from_iterable(group))) and _printable(
                list(itertools.chain.from_iterable(d.values() for d in group))
            )
        else:
            ok = all(_printable(list(map(operator.attrgetter(name), group))) for name in _fields(kind))
        if not ok:
            return False
    return True


_PLAIN = frozenset({type(None), bool, int, float, dt.date, dt.datetime})
