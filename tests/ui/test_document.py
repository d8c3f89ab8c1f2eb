"""The edit layer: every edit is one undoable command, cycles are refused, analysis follows edits."""

from __future__ import annotations

from typing import Any

from planner.model import load_plan
from planner.templates import load_template
from planner.ui.state.document import PlanDocument


def make_doc() -> PlanDocument:
    doc = PlanDocument(load_template("blank"))
    doc.analyze_now()
    return doc


def test_add_edit_undo_redo_names(qtbot):
    doc = make_doc()
    a = doc.add_decision("First")
    b = doc.add_decision("Second")
    assert [d.id for d in doc.plan.decisions] == [a, b]
    assert doc.selection == [b]
    assert doc.add_dependency(a, b) is None
    assert doc.set_duration(b, 1, 2, 4) is None
    assert doc.undo_stack.undoText() == "Change Duration"
    doc.undo_stack.undo()
    assert doc.plan.decision(b).duration == 1.0
    doc.undo_stack.redo()
    assert doc.plan.decision(b).duration.likely == 2
    assert doc.edit_decision(b, progress=150) is not None  # refused, nothing pushed
    assert doc.undo_stack.undoText() == "Change Duration"
    doc.shutdown()


def test_cycle_refusal_names_the_cycle(qtbot):
    doc = make_doc()
    for x in "abc":
        doc.add_decision(x.upper(), id=x)
    assert doc.add_dependency("a", "b") is None
    assert doc.add_dependency("b", "c") is None
    count = doc.undo_stack.count()
    message = doc.add_dependency("c", "a")
    assert message is not None and "c -> a -> b -> c" in message
    assert doc.would_create_cycle("c", "a") == ["c", "a", "b", "c"]
    assert doc.would_create_cycle("a", "c") is None
    assert doc.add_dependency("a", "a") is not None
    assert doc.add_dependency("a", "b") is not None  # duplicate
    assert doc.undo_stack.count() == count
    doc.shutdown()


def test_delete_with_dependencies_is_one_step(qtbot, sample_path):
    doc = PlanDocument(load_plan(sample_path))
    before = (doc.plan.model_dump(), doc.undo_stack.count())
    ids = [d.id for d in doc.plan.decisions[:5]]
    doc.delete_decisions(ids)
    assert all(doc.decision(i) is None for i in ids)
    assert all(dep.from_ not in ids and dep.to not in ids for dep in doc.plan.dependencies)
    assert doc.undo_stack.count() == before[1] + 1
    assert doc.undo_stack.undoText() == "Delete 5 Decisions"
    doc.undo_stack.undo()
    assert doc.plan.model_dump() == before[0]
    doc.shutdown()


def test_rename_updates_references(qtbot):
    doc = make_doc()
    doc.add_decision("A", id="a")
    doc.add_decision("B", id="b")
    doc.add_dependency("a", "b")
    doc.move_cards({"a": (10, 20)})
    assert doc.edit_decision("a", id="alpha") is None
    dep = doc.plan.dependencies[0]
    assert (dep.from_, dep.to) == ("alpha", "b")
    assert "alpha" in doc.plan.layout and "a" not in doc.plan.layout
    assert doc.edit_decision("b", id="alpha") is not None  # taken
    assert doc.edit_decision("b", id="bad id") is not None
    doc.undo_stack.undo()
    assert doc.plan.dependencies[0].from_ == "a" and "a" in doc.plan.layout
    doc.shutdown()


def test_rename_keeps_the_baseline_figures(qtbot):
    from planner.model import Baseline, BaselineEntry

    doc = make_doc()
    doc.add_decision("A", id="a")
    doc.plan.baselines.append(
        Baseline(name="B0", finish=1, decisions={"a": BaselineEntry(start=0, finish=1)})
    )
    assert doc.edit_decision("a", id="alpha") is None
    assert list(doc.plan.baselines[0].decisions) == ["alpha"]
    doc.undo_stack.undo()
    assert list(doc.plan.baselines[0].decisions) == ["a"]
    doc.shutdown()


def test_move_cards_and_remove_dependencies(qtbot):
    doc = make_doc()
    doc.add_decision("A", id="a")
    doc.add_decision("B", id="b")
    doc.add_dependency("a", "b")
    doc.move_cards({"a": (1, 2), "b": (3, 4)})
    assert doc.undo_stack.undoText() == "Move Cards"
    assert (doc.plan.layout["b"].x, doc.plan.layout["b"].y) == (3, 4)
    doc.remove_dependencies([0])
    assert doc.plan.dependencies == []
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.plan.layout == {}
    assert len(doc.plan.dependencies) == 1
    doc.shutdown()


def test_signals_once_per_step_and_analysis(qtbot):
    doc = make_doc()
    a = doc.add_decision("A")
    b = doc.add_decision("B")
    doc.add_dependency(a, b)
    with qtbot.waitSignal(doc.analysis_updated, timeout=2000) as blocker, qtbot.waitSignal(doc.plan_changed):
        doc.set_duration(a, 3, 3, 3)
    assert blocker.args[0].schedule.finish == 4.0
    emitted = []
    doc.plan_changed.connect(lambda: emitted.append(1))
    doc.delete_decisions([a, b])
    assert emitted == [1]
    doc.shutdown()


def test_large_plans_are_analysed_in_a_worker_and_stale_results_dropped(qtbot, sample_path):
    doc = PlanDocument(load_plan(sample_path))
    doc.SYNC_LIMIT = 1  # force the worker path
    assert doc.wait_for_analysis()
    # a decision with all its work left: the schedule's durations are the remaining work (issue 16)
    at, first = next(
        (i, d.id) for i, d in enumerate(doc.plan.decisions) if d.status == "not_started" and not d.milestone
    )
    results: list[Any] = []
    doc.analysis_updated.connect(results.append)
    # Three quick edits: only results for the latest generation may arrive.
    for k in (2, 3, 4):
        doc.set_duration(first, k, k, k)
    assert doc.wait_for_analysis()
    assert results, "no analysis arrived"
    assert results[-1].schedule.duration[at] == 4
    assert all(r.schedule.duration[at] == 4 for r in results)
    doc.shutdown()
