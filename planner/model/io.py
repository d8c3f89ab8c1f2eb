"""Loading and saving plan files with the guarantees of SPEC §2.

- Load errors are :class:`PlanLoadError`: they name the file, the JSON path and, for syntax errors, the line
  and column, and say what to do.
- Saving is deterministic (field order, the user's list order, 2-space indent, trailing newline) and atomic
  (temporary file in the same folder, fsync, ``os.replace``).
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import difflib
import errno
import gc
import itertools
import json
import math
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import BaseModel, ValidationError

from planner import units
from planner.model import limits
from planner.model import plan as _plan_module
from planner.model.migrations import MigrationError, migrate
from planner.model.plan import SCHEMA_VERSION, Plan
from planner.model.sessions import clean_stale_temps, temp_prefix
from planner.units import quoted

MAX_PLAN_BYTES = limits.MAX_PLAN_BYTES
"""Files larger than this (200 MB) are refused, checked while reading (a plan of 100k decisions is about 40 MB)."""

_MAX_REPORTED_ERRORS = 8


def missing_file_hint(path: Path, *, scan: int = 5000) -> str:
    """What to do about a file that is not there: the file of its folder whose name is closest (a typo, a
    ``.json`` for ``.plan.json``), else where a relative path was looked for, or that its folder is missing. The
    folder's first ``scan`` entries are compared (a huge folder is not listed whole)."""
    folder = path.parent
    names: list[str] = []
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in itertools.islice(entries, scan)]
    except (FileNotFoundError, NotADirectoryError):
        where = folder if folder.is_absolute() else f"{folder} (in {Path.cwd()})"
        return f"The folder {where} does not exist either: check the path."
    except OSError:
        pass  # a folder that cannot be listed: no name to suggest
    close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.75)
    if close:
        return f"Did you mean {folder / close[0] if str(folder) != '.' else close[0]}?"
    if not path.is_absolute():
        return f"Check the name and the folder: a relative path is read from {Path.cwd()}."
    return "Check the name and the folder."


_OTHER_DATE_FORM = re.compile(r"(\d{1,4})([/.])(\d{1,2})\2(\d{1,4})", re.ASCII)
"""A date written with slashes or dots (``05/12/2026``, ``2027/03/01``, ``4.1.2027``): a spreadsheet's or a
country's way, which the plan file's ``YYYY-MM-DD`` is not."""

_MONTH_WORDS = {m.casefold(): i for i, m in enumerate(units.MONTHS, 1)}
_MONTH_NAMES = tuple(dt.date(2000, i, 1).strftime("%B").casefold() for i in range(1, 13))


def date_readings(text: str) -> list[dt.date]:
    """The days ``text``, a date in a form other than the plan file's ``YYYY-MM-DD``, may mean: ``05/12/2026`` is
    5 Dec 2026 read day first and 12 May 2026 read month first (both are given: only the author knows);
    ``2027/03/01`` and ``2027.03.01`` are year first; ``4 Jan 2027``, ``4 January 2027`` and ``Jan 4, 2027`` are
    read as written. ``[]`` for anything else (a form with no day in it, a day the calendar lacks).

    >>> [d.isoformat() for d in date_readings("05/12/2026")]
    ['2026-12-05', '2026-05-12']
    >>> [d.isoformat() for d in date_readings("12/31/2027")], [d.isoformat() for d in date_readings("4 Jan 2027")]
    (['2027-12-31'], ['2027-01-04'])
    >>> date_readings("next monday"), date_readings("31/02/2027")
    ([], [])
    """
    text = text.strip()
    triples: list[tuple[int, int, int]] = []
    m = _OTHER_DATE_FORM.fullmatch(text)
    if m is not None:
        a, b, c = m.group(1), m.group(3), m.group(4)
        if len(a) == 4 and len(c) <= 2:  # year first
            triples.append((int(a), int(b), int(c)))
        elif len(c) == 4 and len(a) <= 2:  # day first, then month first
            triples += [(int(c), int(b), int(a)), (int(c), int(a), int(b))]
    else:
        words = re.fullmatch(
            r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})|([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})", text
        )
        if words is not None:
            day, month, year = (
                words.group(1, 2, 3) if words.group(1) else (words.group(5), words.group(4), words.group(6))
            )
            key = month.casefold()
            number = _MONTH_WORDS.get(key[:3])
            if number and _MONTH_NAMES[number - 1].startswith(key):  # Jan, Janu, January; not Janx
                triples.append((int(year), number, int(day)))
    days: list[dt.date] = []
    for year, month, day in triples:
        try:
            found = dt.date(year, month, day)
        except ValueError:
            continue
        if found not in days:
            days.append(found)
    return days


def date_advice(text: str, *, example: str = "2027-01-04") -> str:
    """What to write instead of ``text``, a date not in the form ``YYYY-MM-DD``: the ISO form of each reading
    (:func:`date_readings`) with the day in words, or the form with ``example`` when there is none. The one
    wording of the plan file's load errors and of the command line's date options.

    >>> date_advice("05/12/2026")
    'write 2026-12-05 for 5 Dec 2026 or 2026-05-12 for 12 May 2026'
    >>> date_advice("2027/03/01"), date_advice("soon")
    ('write 2027-03-01 for 1 Mar 2027', 'write it as YYYY-MM-DD, e.g. 2027-01-04')
    """
    days = date_readings(text)
    if days:
        return "write " + " or ".join(f"{d.isoformat()} for {units.format_date(d)}" for d in days)
    return f"write it as YYYY-MM-DD, e.g. {example}"


_DATE_ERRORS = frozenset(
    {"date_parsing", "date_type", "date_from_datetime_parsing", "date_from_datetime_inexact"}
)
"""pydantic's errors for a date field given text it cannot read as ``YYYY-MM-DD``."""


def _date_words(loc: tuple[Any, ...], value: str) -> str:
    """A date field's load error in words: the value, why it is not a date, and what to write (each reading of
    ``05/12/2026``; weeks too where the field takes them: a ``date | weeks`` union's ``date`` branch)."""
    shown = json.dumps(value, ensure_ascii=False)
    if len(shown) > 42:
        shown = shown[:40] + "\u2026"
    weeks = "date" in loc
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip(), flags=re.ASCII)
    if iso is not None:  # the form is right, the day is not (2027-02-30)
        return (
            f"not a valid date (got {shown}): the calendar has no such day; write a real date as YYYY-MM-DD"
            + (", or weeks from the plan start as a number" if weeks else "")
        )
    advice = date_advice(value)
    if weeks:
        advice += ", or weeks from the plan start as a number (e.g. 10)"
    return f"not a valid date in the form YYYY-MM-DD (got {shown}); {advice}"


class PlanLoadError(Exception):
    """A plan file that cannot be read. ``str()`` is a complete message for the user."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None,
        problem: str,
        *,
        json_path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.path = None if path is None else str(path)
        self.problem = problem
        self.json_path = json_path
        self.line = line
        self.column = column
        self.hint = hint
        super().__init__(self._compose())

    def _compose(self) -> str:
        where = self.path or "<plan>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.problem}"
        if self.json_path:
            text = f"{where}: at {self.json_path}: {self.problem}"
        if self.hint:
            text += f"\n  {self.hint}"
        return text


def _json_path(loc: tuple[Any, ...], data: Any) -> str:
    """Render a pydantic error location as a JSON path, naming list items by their id where possible."""
    parts: list[str] = []
    node = data
    for item in loc:
        if isinstance(item, int):
            label = f"[{item}]"
            if isinstance(node, list) and 0 <= item < len(node):
                node = node[item]
                if isinstance(node, dict) and isinstance(node.get("id"), str):
                    # a long id cut as a value is cut
                    shown = node["id"] if len(node["id"]) <= 42 else node["id"][:40] + "\u2026"
                    label = f"[{item}] (id {quoted(shown)})"
            else:
                node = None
            parts.append(label)
        else:
            key = str(item)
            # Union branches show up as loc parts ("float", "ThreePoint"); they are not JSON keys.
            if isinstance(node, dict) and key in node:
                node = node[key]
            elif key in {
                "float",
                "ThreePoint",
                "function-after[_ordered(), ThreePoint]",
                "constrained-float",
            }:
                continue
            elif isinstance(node, dict):
                node = None
            else:
                continue
            parts.append(("." if parts else "") + key)
    return "".join(parts) or "(top level)"


_NUMBER_BRANCHES = {"float", "constrained-float"}
_THREE_POINT_BRANCHES = {"ThreePoint", "function-after[_ordered(), ThreePoint]"}


def _other_branch(loc: tuple[Any, ...], data: Any) -> bool:
    """True when ``loc`` goes through the branch of a ``number | ThreePoint`` union that the input did not
    take: an object is not meant to be a number, and a number is not meant to be an object. Without this the
    first branch's "Input should be a valid number" hides the real problem of a three-point estimate."""
    node = data
    for item in loc:
        if isinstance(item, str) and item in _NUMBER_BRANCHES:
            return isinstance(node, dict)
        if isinstance(item, str) and item in _THREE_POINT_BRANCHES:
            return not isinstance(node, dict)
        if item == "date" and isinstance(node, int | float) and not isinstance(node, bool):
            return True  # a ``date | weeks`` union given weeks: the number's own problem is the one to show
        found, node = _child(node, item)
        if not found:
            return False
    return False


def _child(node: Any, item: Any) -> tuple[bool, Any]:
    """(True, the value at key or index ``item`` of the decoded JSON ``node``), or (False, None) when ``node`` has
    no such place: one step of a validation error's ``loc`` through the file's data."""
    if isinstance(node, dict) and isinstance(item, str):
        return True, node.get(item)
    if isinstance(node, list) and isinstance(item, int) and 0 <= item < len(node):
        return True, node[item]
    return False, None


def _field_names() -> list[str]:
    """Every field name a plan file may use (for "did you mean" on a misspelt one)."""
    names: set[str] = set()
    for obj in vars(_plan_module).values():
        if isinstance(obj, type) and issubclass(obj, _plan_module._Strict):
            names.update(f.alias or k for k, f in obj.model_fields.items())
    return sorted(names)


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class whose fields may appear at ``loc`` (the location of a field in a plan file), or None when
    the path cannot be followed (then every field name is a candidate)."""
    import typing

    def models_in(annotation: Any) -> list[type[BaseModel]]:
        if isinstance(annotation, type) and issubclass(annotation, _plan_module._Strict):
            return [annotation]
        out: list[type[BaseModel]] = []
        for arg in typing.get_args(annotation):
            out += models_in(arg)
        return out

    current: type[BaseModel] = _plan_module.Plan
    keyed = False  # the last field is a mapping by id (a scenario's decisions, the layout): next comes an id
    for item in loc:
        if not isinstance(item, str):
            continue  # a list index
        if keyed:
            keyed = False  # 'value-case' of scenarios[0].decisions.value-case.title is an id, not a field
            continue
        fields = {(f.alias or k): f for k, f in current.model_fields.items()}
        if item in fields:
            found = models_in(fields[item].annotation)
            if len(found) != 1:
                return None
            current = found[0]
            keyed = _keyed_by_id(fields[item].annotation)
        elif item == current.__name__ or item.startswith("function-"):
            continue  # a union branch or validator step naming the class itself
        else:
            branch = next(
                (
                    m
                    for m in vars(_plan_module).values()
                    if isinstance(m, type) and issubclass(m, _plan_module._Strict) and m.__name__ == item
                ),
                None,
            )
            if branch is None:
                return None
            current = branch
    return current


def _keyed_by_id(annotation: Any) -> bool:
    """True for a field that maps ids to objects (``dict[str, DecisionOverride]``, maybe optional)."""
    import typing

    if typing.get_origin(annotation) is dict:
        return True
    return any(typing.get_origin(arg) is dict for arg in typing.get_args(annotation))


_OVERRIDES = {"DecisionOverride": "decision", "TeamOverride": "team", "RiskOverride": "risk"}
"""A scenario's override objects, by the thing they change: an unknown field there is one a scenario cannot change."""


_PATTERN_WORDS = {
    _plan_module.ID_PATTERN: "an id starts with a letter or digit and has only letters, digits, '_', '.' and '-', "
    "at most 64 characters",
    r"^#[0-9A-Fa-f]{6}$": "a colour is written #RRGGBB, e.g. #4C72B0",
    r"^[A-Z]{3}$": "a currency is a three-letter ISO 4217 code in capitals, e.g. USD",
}


def pattern_words(pattern: object) -> str | None:
    """What a field's pattern asks, in words (an id's rule, a colour's and a currency's form), or None: the one
    wording for a load error and for an edit the app refuses."""
    return _PATTERN_WORDS.get(str(pattern))


def _explained(e: Any, msg: str, data: Any = None) -> str:
    """pydantic's message for one error in words a plan's author acts on: what a pattern means, and the value the
    file has, as JSON writes it (``(got "2w")``), so the typo can be found without opening the file at that path."""
    if e["type"] == "string_pattern_mismatch":
        words = pattern_words((e.get("ctx") or {}).get("pattern"))
        if words:
            msg = f"{msg}: {words}"
    value = e.get("input")
    if e["type"] in _DATE_ERRORS and isinstance(value, str):
        return _date_words(tuple(e["loc"]), value)
    field = next((part for part in reversed(e["loc"]) if isinstance(part, str)), "")
    if e["type"] == "too_short" and isinstance(value, list) and not value:
        # "List should have at least 1 item after validation, not 0"
        need = (e.get("ctx") or {}).get("min_length", 1)
        what = "a plan needs at least one stage" if field == "stages" else f"it needs at least {need}"
        return f"the list is empty; {what} (`planner new` writes a plan to start from)"
    if e["type"] == "string_too_short" and value == "":
        return f'the text is empty (got ""); write the {field.replace("_", " ")}'
    if e["type"] == "finite_number" and isinstance(value, float):
        return _not_finite(e, value, data)
    if (
        e["type"] != "value_error"  # the model's own checks name the values already
        and e["loc"]
        and e["loc"][-1] != "id"  # the path shows it: "(id 'x')"
        and (value is None or isinstance(value, str | int | float | bool))  # null: a blank the file has
    ):
        shown = json.dumps(value, ensure_ascii=False)
        if len(shown) > 42:
            shown = shown[:40] + "\u2026"
        msg = f"{msg} (got {shown})"
        if (
            field == "probability"
            and e["type"] == "less_than_equal"
            and isinstance(value, int | float)
            and 1 < value <= 100
        ):  # 30 for 30 %: a probability is a share
            msg += f"; a probability is a share from 0 to 1: write {value / 100:g} for {value:g} %"
        if e["type"] in ("float_type", "int_type", "float_parsing", "int_parsing") and isinstance(value, str):
            msg += "; write the number alone, without quotes or a unit"
            if any(part in _WEEK_FIELDS for part in e["loc"] if isinstance(part, str)):
                msg += " (the unit is weeks)"
    return msg


_WEEK_FIELDS = frozenset({"duration", "lag", "optimistic", "likely", "pessimistic"})
"""Fields whose numbers are weeks (SPEC §2): a number-parsing error there names the unit."""


class _JsonConstant(float):
    """``NaN``, ``Infinity`` or ``-Infinity`` written as such in the file: Python's JSON reader takes them, JSON does
    not have them. Marked so that a load error tells them from a number too large for a float (``1e400``, read as
    infinity too)."""


def _not_finite(e: Any, value: float, data: Any) -> str:
    """The words for a field's NaN or infinity: a number too large for any computer number (``1e400`` is read as
    infinity) or NaN/Infinity written in the file, with the range the field takes, so the author knows what to
    write (H-unseen24: 'Input should be a finite number (got Infinity)' for a duration of 1e400)."""
    low, high = _field_range(tuple(e["loc"]))
    written = _value_at(tuple(e["loc"]), data)
    if isinstance(written, _JsonConstant) or math.isnan(value):
        problem = f"{json.dumps(value)} is not a finite number (JSON has no NaN or Infinity)"
    elif value > 0:
        problem = "the number is too large (more than about 1.8e308, the most a number can be)"
    else:
        problem = "the number is too far below zero (less than about -1.8e308, the least a number can be)"
    if low is not None and high is not None:
        return f"{problem}; write a number from {low:,g} to {high:,g}"
    if high is not None:
        return f"{problem}; write a number of at most {high:,g}"
    return f"{problem}; write a number"


def _value_at(loc: tuple[Any, ...], data: Any) -> Any:
    """The value the decoded file has at a validation error's ``loc`` (union branch names skipped), or None."""
    node = data
    for item in loc:
        if isinstance(item, str) and (item in _NUMBER_BRANCHES or item in _THREE_POINT_BRANCHES):
            continue
        found, node = _child(node, item)
        if not found:
            return None
    return node


def _field_range(loc: tuple[Any, ...]) -> tuple[float | None, float | None]:
    """(least, most) a plan file's field at ``loc`` takes (the model's ``ge`` and ``le``), None where it has none
    or it cannot be told. A duration's bounds are its number form's (``Weeks``), the same as each estimate's."""
    import typing

    for i in range(len(loc) - 1, -1, -1):
        model = _model_at(loc[:i]) if isinstance(loc[i], str) else None
        fields = {(f.alias or k): f for k, f in model.model_fields.items()} if model is not None else {}
        if loc[i] not in fields:
            continue
        field = fields[loc[i]]
        metadata = list(field.metadata)
        for arg in typing.get_args(field.annotation):  # a union's numeric branch (Weeks | ThreePoint)
            for extra in typing.get_args(arg)[1:]:
                metadata += getattr(extra, "metadata", [])
        lows = {m.ge for m in metadata if getattr(m, "ge", None) is not None}
        highs = {m.le for m in metadata if getattr(m, "le", None) is not None}
        return (
            float(next(iter(lows))) if len(lows) == 1 else None,
            float(next(iter(highs))) if len(highs) == 1 else None,
        )
    return None, None


def _validation_message(err: ValidationError, data: Any) -> tuple[str, str]:
    """(first JSON path, message listing every distinct problem)."""
    seen: dict[str, str] = {}
    errors = err.errors(include_url=False)
    relevant = [e for e in errors if not _other_branch(tuple(e["loc"]), data)]
    for e in relevant or errors:
        path = _json_path(tuple(e["loc"]), data)
        msg = e["msg"]
        if e["type"] == "extra_forbidden":
            # Only the fields of the object the unknown one sits in: a top-level 'colour' is not an area's 'color'.
            model = _model_at(tuple(e["loc"][:-1]))
            names = (
                [f.alias or k for k, f in model.model_fields.items()] if model is not None else _field_names()
            )
            guess = difflib.get_close_matches(str(e["loc"][-1]), names, n=1, cutoff=0.75)
            spelling = f"did you mean '{guess[0]}'?" if guess else "check the spelling;"
            msg = f"unknown field ({spelling} free-form data belongs under 'extensions')"
            thing = _OVERRIDES.get(model.__name__) if model is not None else None
            if thing is not None and not guess:  # a title: not a spelling, a field no scenario overrides
                msg = (
                    f"a scenario cannot change a {thing}'s {e['loc'][-1]}; it overrides only "
                    f"{units.joined(names)}"
                    + (
                        " (to change anything else, edit the decision in the app while the scenario is shown: "
                        "the scenario then holds a changed copy)"
                        if thing == "decision"
                        else ""
                    )
                )
        elif e["type"] == "missing":
            msg = "required field is missing"
        else:
            msg = _explained(e, msg, data)
        msg = msg.removeprefix("Value error, ")
        if path in seen:
            continue  # a union reports one error per branch; the first is enough
        seen[path] = msg
    items = list(seen.items())
    first_path = items[0][0]
    lines = [f"{p}: {m}" for p, m in items[:_MAX_REPORTED_ERRORS]]
    if len(items) > _MAX_REPORTED_ERRORS:
        lines.append(f"... and {len(items) - _MAX_REPORTED_ERRORS} more problems")
    if len(lines) == 1:
        return first_path, items[0][1]
    return first_path, f"{len(items)} problems:\n  " + "\n  ".join(lines)


_CONFLICT_MARKER = re.compile(r"^(<{7}|>{7})( |$)", re.MULTILINE)
"""A merge conflict's first or last marker line (``<<<<<<< HEAD``, ``>>>>>>> branch``), as Git and its kin write them."""


def parse_plan(text: str, path: str | os.PathLike[str] | None = None, *, _fast: bool = True) -> Plan:
    """Parse plan JSON text (any supported schema version) into a :class:`Plan`."""
    if not text or text.isspace():
        problem = "the file is empty" if not text else "the file holds only blank space, no JSON"
        raise PlanLoadError(path, problem, hint="A plan file is a JSON object; try `planner new -o FILE`.")
    if _fast:
        plan = _parse_fast(text)
        if plan is not None:
            return plan
    duplicates: list[tuple[int, str]] = []
    try:
        data = json.loads(text, object_pairs_hook=_pairs_hook(duplicates), parse_constant=_JsonConstant)
    except RecursionError:
        raise PlanLoadError(
            path,
            f"the JSON is nested more than {limits.MAX_DEPTH} levels deep",
            hint="A plan is a few levels deep; is this really a plan file?",
        ) from None
    except json.JSONDecodeError as exc:
        problem, hint, at = _syntax_problem(text, exc)
        conflict = _CONFLICT_MARKER.search(text)
        if conflict is not None:  # plans are diffed and merged as text: a merge left both sides in
            line, _ = _position(text, conflict.start())
            raise PlanLoadError(
                path,
                "the file has unresolved merge conflict markers (<<<<<<<, =======, >>>>>>>) from Git or another "
                "version-control tool",
                line=line,
                column=1,
                hint="Resolve the conflict: keep one side of each marked block and delete the marker lines (or "
                "take one whole side: git checkout --ours FILE, or --theirs), then open the plan again.",
            ) from None
        if exc.pos >= len(text.rstrip()):
            problem = f"the file ends unexpectedly ({exc.msg}); it may be truncated"
            hint = "Restore the file from a backup or version control, or fix its end."
        elif exc.msg.startswith(
            "Unterminated string"
        ):  # json raises this only on reaching the end of the text
            problem = "the file ends inside the text value that starts here; it may be truncated"
            hint = "Restore the file from a backup or version control, or fix its end."
        line, column = _position(text, at)
        raise PlanLoadError(path, problem, line=line, column=column, hint=hint) from None
    except ValueError as exc:  # Python refuses to turn more than 4,300 digits into an int
        if "digits" not in str(exc):
            raise
        match = re.search(r"\d{" + str(limits.MAX_NUMBER_DIGITS + 1) + ",}", text)
        line, col = _position(text, match.start() if match else None)
        raise PlanLoadError(
            path,
            f"a number has more than {limits.MAX_NUMBER_DIGITS} digits",
            line=line,
            column=col,
            hint=f"Numbers in a plan are at most {limits.MAX_NUMBER_DIGITS} digits.",
        ) from None
    if duplicates:
        key = duplicates[0][1]
        where = _path_to(data, duplicates[0][0])
        raise PlanLoadError(
            path,
            f"the key {quoted(key)} appears twice in the same object",
            json_path=f"{where}.{key}" if where else key,
            hint="Keep one of them: JSON readers disagree on which one wins.",
        )
    lone = _LONE_SURROGATE.search(text) if "\\u" in text else None
    if lone is not None:  # json reads it; pydantic's JSON reader only says "unexpected end of hex escape"
        line, column = _position(text, lone.end(1))
        raise PlanLoadError(
            path,
            f"the escape \\u{lone.group(2) or lone.group(3)} is half of a character (a lone surrogate), which a "
            "plan file cannot hold",
            line=line,
            column=column,
            hint="Write the character itself, or both halves of its pair (\\ud83d\\ude00 is one emoji), or delete "
            "the escape.",
        )
    _check_depth_and_numbers(data, path)
    return plan_from_dict(data, path, _text=text)


_LONE_SURROGATE = re.compile(
    r"(?<!\\)((?:\\\\)*)(?:\\u([dD][89abAB][0-9a-fA-F]{2})(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2}))"
)
"""A ``\\uD800``-``\\uDFFF`` escape that is not one half of a pair, itself not escaped (``\\\\ud800`` is text)."""


_PYTHON_WORDS = {"True": "true", "False": "false", "None": "null"}


def _syntax_problem(text: str, exc: json.JSONDecodeError) -> tuple[str, str, int]:
    """What is wrong at a JSON syntax error, in the words of the mistakes people make editing a plan by hand (a comma
    after the last item, a comment, single quotes, Python's True/False/None), what to do, and where (an index of
    ``text``: the stray comma's, else ``exc``'s); otherwise the JSON reader's own words.

    >>> def said(t):
    ...     try:
    ...         json.loads(t)
    ...     except json.JSONDecodeError as exc:
    ...         return _syntax_problem(t, exc)[:3:2]
    >>> said('{"a": [1, 2,]}')
    ("a comma after the last item, before ']'", 11)
    >>> said('{"a": 1, // note\\n}')
    ('a comment: JSON has no comments', 9)
    >>> said("{'a': 1}")
    ('text in single quotes: JSON needs double quotes', 1)
    >>> said('{"a": True}')
    ("'True' is not JSON: write true", 6)
    >>> said('{"a" 1}')
    ("not valid JSON: Expecting ':' delimiter", 5)
    """
    at = text[exc.pos : exc.pos + 2]
    before = text[: exc.pos].rstrip()
    comma = "JSON allows no comma after the last item of a list or an object: delete that comma."
    if at[:1] in "]}" and at and before.endswith(","):
        return f"a comma after the last item, before {quoted(at[0])}", comma, len(before) - 1
    if exc.msg.startswith("Illegal trailing comma"):  # Python 3.13 names it itself, at the comma
        closing = text[exc.pos + 1 :].lstrip()[:1]
        return f"a comma after the last item, before {quoted(closing or ']')}", comma, exc.pos
    if at in ("//", "/*") or at[:1] == "#":
        return (
            "a comment: JSON has no comments",
            "Delete the comment; a note on a decision belongs in its 'notes' field, free-form data under "
            "'extensions'.",
            exc.pos,
        )
    if at[:1] == "'":
        return (
            "text in single quotes: JSON needs double quotes",
            'Write names and text in double quotes ("like this").',
            exc.pos,
        )
    word = re.match(r"[A-Za-z_]\w*", text[exc.pos : exc.pos + 40])
    if word is not None and word.group() in _PYTHON_WORDS:
        right = _PYTHON_WORDS[word.group()]
        return (
            f"{quoted(word.group())} is not JSON: write {right}",
            f"JSON spells it {right}, in lower case.",
            exc.pos,
        )
    return f"not valid JSON: {exc.msg}", "Fix the JSON syntax at that position.", exc.pos


def _parse_fast(text: str | bytes) -> Plan | None:
    """The plan in ``text`` when it is a well-formed current-version plan, checked in bulk; None on any doubt,
    and then :func:`parse_plan` takes the careful path, which finds the problem and words the message. So every bad
    file gets the same message as before, and a good one loads several times faster (issue 12; at 100k decisions
    the careful path's pure-Python duplicate-key hook and walk over every value cost more than pydantic itself).

    The careful path's checks, and why passing here means it would pass them too:

    - JSON syntax: msgspec is a strict RFC 8259 parser (no NaN, Infinity, trailing data or lone surrogates);
    - a key given twice in one object: each key/value pair is one ``:`` outside strings, and orjson writes back
      every ``:`` inside strings as it is, so the text and orjson's re-encoding of what msgspec read hold as many
      colons exactly when no pair was dropped. The one other spelling of a colon in a string, ``\\u003a``, is left to
      the careful path (any ``\\u003`` at all, to keep the rule simple);
    - nesting depth and finite numbers: outside ``extensions`` the schema allows neither (pydantic refuses, then
      the careful path words it); under ``extensions`` the same walk as the careful path, on that part only;
    - the schema: the same strict pydantic validation of the same text (:func:`_parse_fast_rows`: the rows'
      structs generated from the same models, and pydantic on the rest).

    ``text`` may be the file's bytes (UTF-8 without a byte order mark): msgspec and pydantic read UTF-8 themselves
    and refuse what is not, so a good file is never decoded into a second copy (at 100k decisions, 55 MB and
    0.05 s); a bad one is decoded by the careful path, which words the problem.
    """
    with gc_paused():
        data = _clean_data(text)
        if data is None:
            return None
        del data
        return _paused(_validate_json, text)


def _parse_fast_rows(text: bytes) -> Plan | None:
    """:func:`_parse_fast` with the decisions and dependencies as the rows of :mod:`planner.model.rows`
    (``load_plan(rows=True)``); a clean file the rows refuse (``from_`` for ``from``, a compact ISO date) as
    models; None on any doubt."""
    with gc_paused():
        data = _clean_data(text)
        if data is None:
            return None
        plan = _paused(_plan_with_rows, data)
        if plan is not None:
            return plan
        del data
        return _paused(_validate_json, text)


def _validate_json(text: str | bytes) -> Plan:
    return Plan.model_validate_json(text, strict=True)


def _paused(make: Callable[[Any], Plan | None], arg: Any) -> Plan | None:
    """``make(arg)`` with the cyclic GC paused (walking fresh model objects doubles load time, PERF-NOTES); None
    where pydantic refuses (the careful path words it)."""
    with gc_paused():
        try:
            return make(arg)
        except (ValueError, RecursionError):  # ValidationError is a ValueError
            return None


_EDQUOT = getattr(errno, "EDQUOT", -1)  # (Windows' errno has none)
DISK_FULL = {
    _EDQUOT: "The disk is full for this user (disk quota exceeded)",
    errno.ENOSPC: "The disk is full (no space left on device)",
}
"""What a write that ran out of room says, by the system's error number (its own words, 'No space left on
device', did not say that freeing space and trying again works)."""


def disk_full_text(exc: OSError) -> str | None:
    """Why ``exc`` stopped a write when the disk is full (without a full stop), else None."""
    return DISK_FULL.get(exc.errno or 0)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block (on again after it, if it was on). Loading, importing
    and analysing a plan make many fresh objects and no reference cycles worth collecting; with a big plan, the
    collections those allocations trigger walk every object made so far again and again (at 100k decisions, a
    fifth of parsing the JSON and half of validating it; PERF-NOTES, issue 12)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _clean_data(text: str | bytes) -> Any:
    """``text`` parsed (by msgspec) when it passes :func:`_parse_fast`'s checks before the schema (syntax, no key
    given twice, the current version, ``extensions`` within the careful path's limits); None otherwise."""
    # A backslash first: a search for one byte is a memchr (4 ms at 100k decisions, where a search for the five
    # bytes of ``\\u003`` is 38 ms), and most plans hold no escape at all.
    if (
        (b"\\" in text and b"\\u003" in text)
        if isinstance(text, bytes)
        else ("\\" in text and "\\u003" in text)
    ):
        return None
    try:
        import msgspec
        import orjson
    except ImportError:  # pragma: no cover - dependencies; the careful path needs nothing more
        return None
    # Parsed by msgspec, re-encoded by orjson: msgspec builds the objects of a big plan faster (issue 12: 0.19 s
    # against orjson's 0.24 s at 100k decisions) and is as strict (RFC 8259: no NaN, Infinity, trailing data, lone
    # surrogates, invalid UTF-8 or control characters). An integer past 64 bits, which orjson read as a float,
    # stays an int that orjson does not write: that file takes the careful path, which reads it as json does.
    try:
        data = msgspec.json.decode(text)
    except (msgspec.DecodeError, RecursionError):  # (too deep for msgspec: the careful path words it)
        return None
    version = data.get("schema_version") if isinstance(data, dict) else None
    if type(version) is not int or version != SCHEMA_VERSION:
        return None  # migrations, a newer version, a missing one: the careful path
    try:
        written = orjson.dumps(data)
    except orjson.JSONEncodeError:  # nested deeper than orjson writes, or an integer past 64 bits
        return None
    if _colons(text) != _colons(written):
        return None  # a duplicate key
    del written
    if "extensions" in data:
        try:
            _check_depth_and_numbers({"extensions": data["extensions"]}, None)
        except PlanLoadError:
            return None
    return data


_BIG_TEXT = 1 << 20
_SLICE = 1 << 18


def _colons(text: str | bytes) -> int:
    """How many ``:`` ``text`` holds. A big file's bytes are counted by numpy a slice of 256 KB at a time (issue 12:
    at 100k decisions 8 ms against 32 ms for ``bytes.count``, which tests a byte at a time; slices that stay in the
    cache and no array the size of the file). Small texts, and text already decoded, by ``count``: below a
    megabyte the difference is under a millisecond, and loading a small plan does not import numpy."""
    if isinstance(text, str):
        return text.count(":")
    if len(text) < _BIG_TEXT:
        return text.count(b":")
    import numpy as np

    octets = np.frombuffer(text, dtype=np.uint8)
    colon = ord(":")
    return sum(
        int(np.count_nonzero(octets[at : at + _SLICE] == colon)) for at in range(0, len(octets), _SLICE)
    )


def _plan_with_rows(data: dict[str, Any]) -> Plan | None:
    """The plan of ``data`` (a current-version plan as parsed JSON) with its decisions and dependencies as the
    structs of :mod:`planner.model.rows`, validated by msgspec, and the rest validated by pydantic; None when
    either refuses (the careful path then words the problem). Raises ValueError when pydantic refuses the rest."""
    import msgspec

    from planner.model import rows as R

    has_dependencies = "dependencies" in data
    try:
        decisions = msgspec.convert(data.pop("decisions"), R.DECISION_ROWS)
        dependencies = msgspec.convert(data.pop("dependencies", []), R.DEPENDENCY_ROWS)
    except (KeyError, msgspec.ValidationError):
        return None
    if not _apply_row_rules(decisions):
        return None
    data["decisions"] = []
    import orjson

    plan = Plan.model_validate_json(orjson.dumps(data), strict=True)
    plan.__dict__["decisions"] = decisions  # validated above, as the model would (planner.model.rows)
    plan.__dict__["dependencies"] = dependencies
    if has_dependencies:  # as pydantic records what the file gave
        plan.__pydantic_fields_set__.add("dependencies")
    return plan


def _apply_row_rules(decisions: list[Any]) -> bool:
    """What the models check or set after their fields (the validators :mod:`planner.model.rows` leaves to the
    loader), on decision rows: a milestone without a duration takes :data:`MILESTONE_DURATION`, any other
    decision the field's default; a three-point estimate is ordered (``ThreePoint._ordered``). False when an
    estimate is out of order."""
    import msgspec

    from planner.model.plan import MILESTONE_DURATION, Decision, ThreePoint
    from planner.model.rows import ThreeRow

    unset = msgspec.UNSET
    default = Decision.model_fields["duration"].default
    ordered = ThreePoint._ordered  # (looked up once: 13 -> 7 ms over 100k decisions)
    for d in decisions:
        dur = d.duration
        if dur is unset:
            d.duration = MILESTONE_DURATION if d.milestone else default
        elif type(dur) is ThreeRow:
            try:
                ordered(dur)  # type: ignore[operator]
            except ValueError:
                return False
    return True


def _pairs_hook(duplicates: list[tuple[int, str]]) -> Any:
    """An ``object_pairs_hook`` that notes (id of the object, key) for every key given twice."""

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    duplicates.append((id(obj), key))
                    break
                seen.add(key)
        return obj

    return hook


def _position(text: str, index: int | None) -> tuple[int | None, int | None]:
    """(line, column), 1-based, of character ``index`` in ``text``."""
    if index is None:
        return None, None
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _path_to(data: Any, target: int) -> str:
    """The JSON path of the object whose ``id()`` is ``target`` (iterative: the depth is not yet checked)."""
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        node, where = stack.pop()
        if id(node) == target:
            return where
        if isinstance(node, dict):
            stack.extend(
                (v, f"{where}.{k}" if where else str(k))
                for k, v in node.items()
                if isinstance(v, dict | list)
            )
        elif isinstance(node, list):
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(node) if isinstance(v, dict | list))
    return ""


def _check_depth_and_numbers(data: Any, path: str | os.PathLike[str] | None) -> None:
    """Refuse nesting deeper than :data:`limits.MAX_DEPTH` and numbers that overflow a float (``1e400``), which
    the model's fields catch but ``extensions`` (kept verbatim) would not. Iterative, linear in the data."""
    stack: list[tuple[Any, Any, int, bool]] = [(data, "", 1, False)]
    while stack:
        node, where, depth, free = stack.pop()
        if isinstance(node, dict | list):
            if depth > limits.MAX_DEPTH:
                raise PlanLoadError(
                    path,
                    f"the JSON is nested more than {limits.MAX_DEPTH} levels deep",
                    json_path=_render(where) or None,
                    hint="Flatten this value.",
                )
            items = node.items() if isinstance(node, dict) else enumerate(node)
            for k, v in items:
                # Floats matter only under ``extensions`` (the model checks its own fields, naming them by id);
                # the path is built only when needed (a large plan is big).
                if isinstance(v, dict | list) or (free and isinstance(v, float)):
                    stack.append((v, (where, k), depth + 1, free or (depth == 1 and k == "extensions")))
        elif isinstance(node, float) and not math.isfinite(node):
            raise PlanLoadError(
                path,
                "not a finite number (too large, or NaN/Infinity, which JSON does not have)",
                json_path=_render(where) or None,
                hint="Write a number below 1e308.",
            )


def _render(where: Any) -> str:
    """A JSON path from the nested (parent, key) pairs of :func:`_check_depth_and_numbers`."""
    keys: list[Any] = []
    while where:
        where, key = where
        keys.append(key)
    out = ""
    for key in reversed(keys):
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out if len(out) <= 120 else out[:100] + "…"


def plan_from_dict(
    data: Any, path: str | os.PathLike[str] | None = None, *, _text: str | None = None
) -> Plan:
    """Validate a decoded JSON value as a plan, migrating older schema versions first.

    Validation is strict in JSON terms: a string is never read as a number (``"3"``), nor ``true`` as 1.
    """
    if not isinstance(data, dict):
        raise PlanLoadError(
            path,
            f"the top level must be a JSON object, not {type(data).__name__}",
            hint='A plan file is one object, {"schema_version": 1, "title": ..., "stages": [...], "decisions": [...]}; '
            "`planner new -o FILE` writes one to start from.",
        )
    version = data.get("schema_version")
    if version is None and not {"title", "stages", "decisions"} & set(data):
        shown = ", ".join(repr(k)[:40] for k in list(data)[:4]) + (", ..." if len(data) > 4 else "")
        raise PlanLoadError(
            path,
            "this JSON file is not a plan: it has none of a plan's fields (schema_version, title, stages, "
            f"decisions){f'; its keys are {shown}' if data else ''}",
            hint="Open a plan file (*.plan.json), or import another tool's file with `planner import`.",
        )
    if version is None:
        raise PlanLoadError(
            path,
            "is null" if "schema_version" in data else "required field is missing",
            json_path="schema_version",
            hint=f'{"Write" if "schema_version" in data else "Add"} "schema_version": {SCHEMA_VERSION}.',
        )
    if isinstance(version, bool) or not isinstance(version, int):
        raise PlanLoadError(
            path,
            f"must be a whole number, not {json.dumps(version)}",
            json_path="schema_version",
            hint=f'Write "schema_version": {SCHEMA_VERSION} (a number, without quotes), the version this program '
            "writes.",
        )
    if version > SCHEMA_VERSION:
        raise PlanLoadError(
            path,
            f"this plan was written by a newer version of the planner (schema_version {version}; "
            f"this program reads up to {SCHEMA_VERSION})",
            json_path="schema_version",
            hint="Upgrade Scaling Roadmap Planner to open it. The file has not been changed.",
        )
    if version < 0:
        raise PlanLoadError(
            path,
            f"schema_version {version} is not a valid version",
            json_path="schema_version",
            hint=f'Write "schema_version": {SCHEMA_VERSION}, the version this program writes.',
        )
    if version < SCHEMA_VERSION:
        try:
            data = migrate(data, version)
        except MigrationError as exc:
            raise PlanLoadError(
                path, str(exc), json_path=exc.json_path, hint="Fix this value; the file has not been changed."
            ) from None
        except ValueError as exc:
            raise PlanLoadError(path, str(exc), json_path="schema_version") from None
        _text = None
    try:
        with gc_paused():  # the cyclic GC walking fresh model objects doubles load time (PERF-NOTES)
            # JSON-mode strict validation: dates and enum values come as strings, numbers must be numbers.
            return Plan.model_validate_json(_text if _text is not None else json.dumps(data), strict=True)
    except ValidationError as exc:
        json_path, message = _validation_message(exc, data)
        raise PlanLoadError(path, message, json_path=json_path if "\n" not in message else None) from None


def load_plan(path: str | os.PathLike[str], *, rows: bool = False) -> Plan:
    """Read and validate a plan file. Raises :class:`PlanLoadError` with a complete message.

    Only regular files are read (a FIFO would block forever, a device never ends), and the size cap is enforced
    while reading, since a device or a growing file reports a size of 0.

    With ``rows``, for a plan that is only read, never edited or saved (the commands ``check``, ``analyze`` and
    ``simulate``): a current, clean file's decisions and dependencies are the compact structs of
    :mod:`planner.model.rows` (validated by the same schema; several times faster and a fifth of the memory at 100k
    decisions); any other file loads as without it.
    """
    p = Path(path)
    try:
        raw = read_capped(p, MAX_PLAN_BYTES)
    except PlanLoadError:
        raise
    except FileNotFoundError:
        raise PlanLoadError(p, "no such file", hint=missing_file_hint(p)) from None
    except PermissionError:
        raise PlanLoadError(p, "permission denied: the file cannot be read") from None
    except IsADirectoryError:
        raise PlanLoadError(
            p, "is a folder, not a plan file", hint="Give the path of a .plan.json file."
        ) from None
    except OSError as exc:
        raise PlanLoadError(p, f"cannot be read: {exc.strerror or exc}") from None
    return load_plan_bytes(raw, p, rows=rows)


def load_plan_bytes(raw: bytes, path: str | os.PathLike[str], *, rows: bool = False) -> Plan:
    """The plan in ``raw``, the bytes of a plan file read by the caller (the command line's ``-``, standard input),
    read and validated as :func:`load_plan` reads a file's bytes; ``path`` names it in every message (``rows``: as
    for :func:`load_plan`). Raises :class:`PlanLoadError`."""
    p = Path(path)
    if len(raw) > MAX_PLAN_BYTES:
        raise PlanLoadError(
            p,
            f"the plan is larger than the {MAX_PLAN_BYTES / 1e6:.0f} MB a plan may be",
            hint="Is this really a plan file?",
        )
    body = raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw
    plan = _parse_fast_rows(body) if rows else _parse_fast(body)
    if plan is not None:
        return plan
    wide = wide_encoding(raw)
    if wide is not None:
        raise PlanLoadError(
            p,
            f"is {wide} text, not UTF-8",
            hint="Save it as UTF-8 (in most editors: Save As, encoding UTF-8) and open it again.",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise PlanLoadError(
            p,
            "is not UTF-8 text (is it a binary file or another encoding?)",
            line=line,
            column=col,
            hint="Save it as UTF-8 (in most editors: Save As, encoding UTF-8) and open it again.",
        ) from None
    del raw
    return parse_plan(text, p, _fast=False)


def wide_encoding(raw: bytes) -> str | None:
    """The name of the UTF-16 or UTF-32 encoding ``raw`` is written in, by its byte order mark or, without one, by
    where the zero bytes of its first characters fall (RFC 4627, section 3: JSON text starts with two ASCII
    characters, and UTF-8 JSON has no zero byte); None for anything else. UTF-16 without a mark decodes as UTF-8
    (a zero byte is valid UTF-8), so without this its message would be a JSON syntax error at the first character.

    >>> wide_encoding('{"a": 1}'.encode("utf-16")), wide_encoding('{"a": 1}'.encode("utf-16-be"))
    ('UTF-16', 'UTF-16 (big-endian)')
    >>> wide_encoding(b"{}"), wide_encoding(b"\\x00\\x00\\x00{")
    (None, 'UTF-32 (big-endian)')
    """
    for mark, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32 (big-endian)"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16 (big-endian)"),
    ):
        if raw.startswith(mark):
            return name
    head = raw[:4]
    if len(head) < 4 or b"\x00" not in head:
        return None
    zero = (head[0] == 0, head[1] == 0, head[2] == 0, head[3] == 0)
    return {
        (True, True, True, False): "UTF-32 (big-endian)",
        (False, True, True, True): "UTF-32",
        (True, False, True, False): "UTF-16 (big-endian)",
        (False, True, False, True): "UTF-16",
    }.get(zero)


def file_kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
    ):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


class FileRefused(Exception):
    """:func:`read_regular` will not read the file: ``kind`` names what it is when it is not a regular file (a FIFO,
    a device, a socket...), else it is over the cap (``size``: what the file system reports)."""

    def __init__(self, kind: str | None, size: int = 0) -> None:
        super().__init__(kind or f"{size} bytes")
        self.kind = kind
        self.size = size


def read_regular(path: str | os.PathLike[str], cap: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``cap`` of them: the one reader of the plan loader and the
    imports. Raises :class:`FileRefused` for another kind of file or one over the cap (also one that grows past it
    while being read), ``IsADirectoryError`` for a folder, ``OSError`` when it cannot be read. The file is opened
    without blocking (a FIFO with no writer would block ``open`` itself) and checked with ``fstat`` on the open
    descriptor, so it cannot be swapped between the check and the read; a device is never read."""
    p = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(p, flags)
    try:
        st = os.fstat(fd)
        kind = file_kind(st.st_mode)
        if kind == "a folder":
            raise IsADirectoryError(21, "Is a directory", str(p))
        if kind is not None:
            raise FileRefused(kind)
        size = st.st_size
        if size > cap:
            raise FileRefused(None, size)
        # One read of the size the file reports (no second copy by joining chunks), then chunks while it is
        # still growing or when it reported no size.
        with os.fdopen(fd, "rb", closefd=False) as fh:
            first = fh.read(size + 1) if size else b""
            chunks: list[bytes] = [first]
            total = len(first)
            if total > cap:
                raise FileRefused(None, size)
            while not size or total > size:
                chunk = fh.read(min(1 << 22, cap + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if total > cap:
                    raise FileRefused(None, size)
        return first if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


def read_capped(path: str | os.PathLike[str], cap: int) -> bytes:
    """The bytes of the regular plan file ``path`` (:func:`read_regular`), refusing other kinds of file and
    anything over ``cap`` bytes with a :class:`PlanLoadError`; ``OSError`` when it cannot be read."""
    try:
        return read_regular(path, cap)
    except FileRefused as refused:
        if refused.kind is not None:
            raise PlanLoadError(
                Path(path),
                f"is {refused.kind}, not a plan file; only regular files are read",
                hint="Save the plan to a file first and give its path.",
            ) from None
        raise PlanLoadError(
            Path(path),
            f"the file is larger than the {cap / 1e6:.0f} MB a plan may be"
            + (f" ({refused.size / 1e6:.0f} MB)" if refused.size > cap else ""),
            hint="Is this really a plan file?",
        ) from None


_LEAVES = frozenset({str, int, bool, type(None)})


def _compact_numbers(value: Any) -> Any:
    """Write 3.0 as 3 so files read the way people type them; other floats stay as they are. (The plain dicts,
    lists and scalars of ``model_dump(mode="json")``; a text, an integer or a null is passed over without a
    call: a 10,000-decision plan has ~700,000 values.)"""
    kind = type(value)
    if kind is dict:
        return {k: v if type(v) in _LEAVES else _compact_numbers(v) for k, v in value.items()}
    if kind is list:
        return [v if type(v) in _LEAVES else _compact_numbers(v) for v in value]
    if kind is float and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


_ALWAYS_WRITTEN = {"decisions": ("stage", "duration"), "dependencies": ("type",)}


def _write_always(items: list[Any], outs: list[dict[str, Any]], fields: tuple[str, ...]) -> None:
    """Put ``fields`` back into each item's dict ``outs[i]`` that left them out for being at their default, in the
    model's field order. The value left out is the field's default, so it is dumped once per model and field, not
    per item (a 10,000-decision plan's ~30,000 FS links each dumped again made saving and merging take seconds)."""
    dumped: dict[tuple[type, str], dict[str, Any]] = {}
    orders: dict[type, list[tuple[str, str]]] = {}
    for obj, out in zip(items, outs, strict=False):
        missing = [f for f in fields if f not in out]
        if not missing:
            continue
        model = type(obj)
        order = orders.get(model)
        if order is None:
            order = orders[model] = [(name, info.alias or name) for name, info in model.model_fields.items()]
        for field in missing:
            if (model, field) not in dumped:
                dumped[model, field] = obj.model_dump(mode="json", by_alias=True, include={field})
        merged = {}
        for name, alias in order:
            if alias in out:
                merged[alias] = out[alias]
            elif name in missing:
                merged[alias] = dumped[model, name][alias]
        out.clear()
        out.update(merged)


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as the JSON-ready dict that is written to disk: defaults omitted, required keys kept."""
    data = plan.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["schema_version"] = SCHEMA_VERSION
    for key in ("stages", "decisions"):
        data.setdefault(key, [])
    # Keep stable, readable key order at the top: schema_version first.
    ordered = {"schema_version": data.pop("schema_version")}
    ordered.update(data)
    for list_key, fields in _ALWAYS_WRITTEN.items():
        _write_always(list(getattr(plan, list_key)), ordered.get(list_key, []), fields)
    extensions = ordered.pop("extensions", None)
    ordered = _compact_numbers(ordered)
    if extensions is not None:  # other tools' data is written back exactly as it was read (1.0 stays 1.0)
        ordered["extensions"] = extensions
    return ordered


def dump_plan(plan: Plan) -> str:
    """Deterministic JSON text of ``plan`` (2-space indent, UTF-8 characters, trailing newline)."""
    return json.dumps(plan_to_dict(plan), indent=2, ensure_ascii=False) + "\n"


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` so that the file is either the old or the new content, never half."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that the file is either the old or the new content, never half."""
    with atomic_write(path, new_file_mode=0o644) as fh:
        fh.write(data)


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str], suffix: str = ".tmp", new_file_mode: int | None = None
) -> Iterator[BinaryIO]:
    """The one atomic write: a binary file to write ``path`` through, replacing it in one step when the block ends.

    The data goes to a temporary file in the same folder (``.<name>.~<session>~XXXX<suffix>``, ``suffix`` ``.tmp``
    or ``.part`` so that :func:`planner.model.sessions.clean_stale_temps` recognises it; the name is shortened when
    the whole would be longer than the file system allows), is flushed and fsynced, takes the mode, owner and group
    of the file it replaces as far as this user may give them (root saving a user's plan leaves it the user's; a
    new file: ``new_file_mode``, by default an ordinary file, ``0o666`` less the umask), and is renamed over
    ``path``; the rename is made durable too. Through a symbolic link the file it points to is written (the link
    stays a link). If the block raises (an ``OSError``, a cancelled report, Ctrl-C) the temporary file is removed
    and ``path`` is left as it was. Every refusal of the system is an ``OSError`` whose ``strerror`` a message
    can show: a name with a character the system refuses (a NUL), a folder in the file's place, a folder that is
    gone. Used by plan saves, the recovery file, reports, chart exports (command line and app) and the other
    tools' formats.
    """
    target = output_target(path)
    try:
        st: os.stat_result | None = os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        st = None
    except ValueError:  # a NUL in the name: os functions raise ValueError, which no writer's message expects
        raise OSError(errno.EINVAL, "The name holds a character the system refuses", str(path)) from None
    kind = file_kind(st.st_mode) if st is not None else None
    if kind == "a folder":
        raise OSError(errno.EISDIR, "A folder of that name is in its place", str(target))
    if kind is not None:
        # Renaming a new file over a device or a pipe would replace the device or pipe itself (as root,
        # /dev/null for everyone), so there is nothing to write through.
        raise OSError(errno.EINVAL, f"it is {kind}, not a regular file", str(target))
    if st is not None and _read_only(target, st):
        # The rename replaces a file whatever its mode (the folder allows it): an export or a chart over a file
        # someone marked read-only to keep it went without a word. (The app's Save and the command line say so
        # before getting here, with what to do.)
        raise OSError(errno.EACCES, "The file is read-only, so it was not replaced", str(target))
    folder = target.parent if str(target.parent) else Path(".")
    stem = folder / _temp_name(target, suffix)
    clean_stale_temps(stem)  # a write killed earlier left its temporary file; its writer is gone
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(stem), suffix=suffix, dir=folder)
    except (FileNotFoundError, NotADirectoryError):
        if folder.is_dir():
            raise
        if os.path.lexists(folder):  # a file where the folder was (or a link to nowhere on the way)
            raise OSError(errno.ENOTDIR, f"{folder} is not a folder", str(target)) from None
        raise OSError(
            errno.ENOENT, f"The folder {folder} does not exist (moved, deleted or unmounted)", str(target)
        ) from None
    except PermissionError as exc:  # 'Permission denied' did not say whose
        raise OSError(
            exc.errno, f"The folder {folder} does not let this user write in it", str(target)
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            if st is not None:
                _give_owner(fd, st)  # (the descriptor fh owns: closed with it if this fails)
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = new_file_mode if new_file_mode is not None else 0o666 & ~_umask()
        os.chmod(tmp_name, mode)
        try:
            os.replace(tmp_name, target)
        except PermissionError as exc:  # a folder with the sticky bit (/tmp) and another user's file
            raise OSError(
                exc.errno, f"The folder {folder} does not let this user replace {target.name}", str(target)
            ) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


_RANDOM_LETTERS = 8
"""How many random letters ``tempfile.mkstemp`` puts in a name."""


def _temp_name(target: Path, suffix: str) -> str:
    """The name the temporary file of ``target`` is named after: ``target``'s own, or its beginning when the
    temporary file's whole name (``.<name>.~<session>~XXXXXXXX<suffix>``) would be longer than the folder allows
    (a plan named with 250 letters is a valid name; its temporary file's was not)."""
    name = target.name
    try:
        most = os.pathconf(target.parent if str(target.parent) else ".", "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        most = 255
    extra = len(os.fsencode(temp_prefix(target))) - len(os.fsencode(name)) + _RANDOM_LETTERS + len(suffix)
    room = most - extra
    raw = os.fsencode(name)
    if len(raw) <= room:
        return name
    return os.fsdecode(raw[: max(room, 1)].decode("utf-8", "ignore").encode("utf-8")) or "x"


def _read_only(target: Path, st: os.stat_result) -> bool:
    """True when ``target`` (a regular file) has no write permission for anyone, or this user may not write it
    (root may write anything: only the mode tells)."""
    if not st.st_mode & 0o222:
        return True
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() != 0 and not os.access(target, os.W_OK)


def _give_owner(fd: int, st: os.stat_result) -> None:
    """The new file takes the owner and group of the one it replaces when this user may give them (root may;
    another user only a group they are in); otherwise it stays this user's, as the folder lets them replace it."""
    if not hasattr(os, "fchown"):
        return
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) == (st.st_uid, st.st_gid):
        return
    try:
        os.fchown(fd, st.st_uid, st.st_gid)
    except OSError:
        with contextlib.suppress(OSError):
            os.fchown(fd, -1, st.st_gid)


def _umask() -> int:
    """The process's umask (there is no way to read it without setting it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def output_target(path: str | os.PathLike[str]) -> Path:
    """Where writing ``path`` lands: through a symbolic link, the file it points to (the link stays a link, as
    with any editor that writes in place); otherwise ``path`` itself (also when the name cannot be looked up: the
    write says why)."""
    target = Path(path)
    try:
        if os.path.islink(target):
            return Path(os.path.realpath(target))
    except (OSError, ValueError):
        pass
    return target


def save_plan(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Save ``plan`` to ``path`` atomically with deterministic formatting."""
    write_text_atomic(path, dump_plan(plan))
