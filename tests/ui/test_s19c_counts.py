"""Counts in the app follow the one rule (planner.units.count, and planner.units.agree for the word that agrees
with the count), as the importers, exporters, report and commands do (tests/io/test_s19_counts_in_messages.py):
planner/ui writes no plural of its own ('s' if n != 1 else '', 'Decision' if n == 1 else f'{n} Decisions')."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from planner.ui.state.document import PlanDocument
from tests.io.test_s19_counts_in_messages import _messages

UI = Path(__file__).parents[2] / "planner" / "ui"


def _is_one(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int and node.value == 1


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def _hand_rolled_plurals(source: str) -> list[int]:
    """Lines of ``source`` that choose a text by whether a number is 1: ``'s' if n != 1 else ''``, ``'is' if
    n == 1 else 'are'``, ``"s" * (n != 1)`` -- a count's plural, which :func:`planner.units.count` /
    :func:`planner.units.agree` write."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.IfExp):
            test, texts = node.test, (node.body, node.orelse)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
            test, texts = node.right if _is_text(node.left) else node.left, (node.left, node.right)
        else:
            continue
        by_one = (
            isinstance(test, ast.Compare)
            and all(isinstance(op, ast.Eq | ast.NotEq) for op in test.ops)
            and any(_is_one(x) for x in (test.left, *test.comparators))
        )
        if by_one and any(_is_text(t) for t in texts):
            lines.append(node.lineno)
    return sorted(lines)


def test_the_scan_finds_each_hand_rolled_form() -> None:
    source = (
        "a = f\"{n} risk{'s' if n != 1 else ''}\"\n"
        "b = 'is' if len(x) == 1 else 'are'\n"
        "c = 'Delete Decision' if k == 1 else f'Delete {k} Decisions'\n"
        "d = 's' * (n != 1)\n"
        "e = FIELD.get(p) if len(parts) == 1 else loc\n"  # not a text: not a plural
        "f = f' (and {m - 1} more)' if m > 1 else ''\n"  # not chosen by 'is it one'
    )
    assert _hand_rolled_plurals(source) == [1, 2, 3, 4]


def test_no_hand_rolled_plural_in_the_app() -> None:
    found = [
        f"{path.relative_to(UI.parents[1])}:{line}"
        for path in sorted(UI.rglob("*.py"))
        for line in _hand_rolled_plurals(path.read_text(encoding="utf-8"))
    ]
    assert not found, "write counts with planner.units.count / agree:\n" + "\n".join(found)


def test_no_bracketed_plural_in_the_app() -> None:
    found = [
        f"{path.relative_to(UI.parents[1])}: {m!r}"
        for path in sorted(UI.rglob("*.py"))
        for m in _messages(path)
        if re.search(r"[a-z]\((s|es|ies)\)", m)
    ]
    assert not found, "\n".join(found)


def test_undo_steps_name_one_and_many(doc: PlanDocument) -> None:
    """The Edit menu's words, unchanged by the move to units.count: 'Delete Decision' for one (no '1'),
    'Delete 2 Decisions' for two; 'Remove 2 Dependencies', not 'Dependencys'."""
    ids = [d.id for d in doc.plan.decisions]

    def last() -> str:
        return str(doc.undo_stack.undoText())

    assert doc.move_decisions([ids[1]], -1) and last() == "Move Decision Up"
    assert doc.move_decisions(ids[2:4], 1) and last() == "Move 2 Decisions Down"
    fresh = [d.id for d in doc.plan.decisions if d.status == "not_started"][:3]  # each mark changes them all
    assert doc.mark_status(fresh[:1], "done") is None and last() == "Mark Decision Done"
    assert doc.mark_status(fresh[1:], "in_progress") is None and last() == "Mark 2 Decisions In Progress"
    doc.remove_dependencies([0])
    assert last() == "Remove Dependency"
    doc.remove_dependencies([0, 1])
    assert last() == "Remove 2 Dependencies"
    doc.remove_risks([0])
    assert last() == "Remove Risk"
    doc.remove_risks([0, 1])
    assert last() == "Remove 2 Risks"
    assert len(doc.duplicate_decisions([ids[5]])) == 1 and last() == "Duplicate Decision"
    assert len(doc.duplicate_decisions(ids[5:7])) == 2 and last() == "Duplicate 2 Decisions"
    doc.delete_decisions([ids[20]])
    assert last() == "Delete Decision"
    doc.delete_decisions(ids[21:23])
    assert last() == "Delete 2 Decisions"


def test_the_multi_editor_counts_the_decisions_it_changed(qtbot, doc: PlanDocument) -> None:
    """Two selected, one of them changed: 'Change Stage of 1 Decision', 'Added q3 to 1 decision' (these wrote
    '1 Decisions' / '1 decisions': the count is of the decisions that change, not of those selected)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from planner.ui.views.inspector import MultiDecisionEditor

    editor = MultiDecisionEditor(doc)
    qtbot.addWidget(editor)
    said: list[str] = []
    editor.message.connect(said.append)
    a, b = (
        doc.plan.decisions[0],
        next(d for d in doc.plan.decisions if d.stage != doc.plan.decisions[0].stage),
    )
    editor.set_ids([a.id, b.id])
    assert editor.heading.text() == "2 decisions selected"
    stage = editor.combos["stage"]
    stage.setCurrentIndex(stage.findData(a.stage))  # a is there already: only b moves
    stage.activated.emit(stage.currentIndex())
    assert doc.decision(b.id).stage == a.stage
    assert doc.undo_stack.undoText() == "Change Stage of 1 Decision"
    assert said[-1] == "Set the stage of 1 decision"
    assert doc.edit_decision(a.id, tags=[*a.tags, "q3"]) is None
    editor.add_tags.setText("q3")
    QTest.keyClick(editor.add_tags, Qt.Key.Key_Return)  # b only: a has it
    assert doc.undo_stack.undoText() == "Add Tags on 1 Decision"
    assert said[-1] == "Added q3 to 1 decision"
    editor.remove_tags.setText("q3")
    QTest.keyClick(editor.remove_tags, Qt.Key.Key_Return)  # from both
    assert doc.undo_stack.undoText() == "Remove Tags on 2 Decisions"
    assert said[-1] == "Removed q3 from 2 decisions"


def test_a_workshop_gate_of_one_criterion() -> None:
    """'Gate: 0 of 1 criterion met' (was '0 of 1 criteria met'); three stay 'criteria'."""
    from planner.analysis import analyze
    from planner.ui.presentation.workshop import stage_steps
    from tests.conftest import build_plan

    plan = build_plan(
        [{"id": "a", "duration": 2}, {"id": "b", "duration": 1, "stage": "go"}],
        [("a", "b")],
        stages=[
            {"id": "try", "name": "Try", "gate_criteria": [{"text": "Pilot signed off"}]},
            {"id": "go", "name": "Go", "gate_criteria": [{"text": f"Check {k}"} for k in range(3)]},
        ],
    )
    one, three = (step.body_html for step in stage_steps(analyze(plan)))
    assert "Gate: 0 of 1 criterion met" in one
    assert "Gate: 0 of 3 criteria met" in three
