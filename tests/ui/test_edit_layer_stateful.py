"""A stateful hypothesis test of the edit layer (issue 11): random edits through ``PlanDocument``'s public API;
then undo all gives back the original plan, redo all the final one, and save -> load the same plan."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule

from planner.model import dump_plan, load_plan, save_plan
from planner.templates import load_template
from planner.ui.state.document import PlanDocument

TITLES = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40).filter(
    lambda t: t.strip() != ""
)
WEEKS = st.floats(min_value=0, max_value=60, allow_nan=False).map(lambda x: round(x, 2))


class EditLayer(RuleBasedStateMachine):
    @initialize(template=st.sampled_from(["blank", "ai-scaling"]))
    def start(self, template: str) -> None:
        self.doc = PlanDocument(load_template(template))
        self.original = dump_plan(self.doc.file_plan())

    def _id(self, k: int) -> str | None:
        ds = self.doc.plan.decisions
        return ds[k % len(ds)].id if ds else None

    @rule(title=TITLES, k=st.integers(0, 500))
    def add(self, title: str, k: int) -> None:
        self.doc.add_decision(title, after=self._id(k))

    @rule(k=st.integers(0, 500))
    def delete(self, k: int) -> None:
        did = self._id(k)
        if did:
            self.doc.delete_decisions([did])

    @rule(k=st.integers(0, 500))
    def duplicate(self, k: int) -> None:
        did = self._id(k)
        if did:
            self.doc.duplicate_decisions([did])

    @rule(k=st.integers(0, 500), title=TITLES)
    def retitle(self, k: int, title: str) -> None:
        did = self._id(k)
        if did:
            self.doc.edit_decision(did, title=title)

    @rule(k=st.integers(0, 500), o=WEEKS, a=WEEKS, b=WEEKS)
    def duration(self, k: int, o: float, a: float, b: float) -> None:
        did = self._id(k)
        if did:
            self.doc.set_duration(did, o, o + a, o + a + b)

    @rule(
        a=st.integers(0, 500),
        b=st.integers(0, 500),
        kind=st.sampled_from(["FS", "SS", "FF", "SF"]),
        lag=st.sampled_from([0.0, 1.0, -0.5]),
    )
    def link(self, a: int, b: int, kind: str, lag: float) -> None:
        x, y = self._id(a), self._id(b)
        if x and y:
            self.doc.add_dependency(x, y, kind, lag)  # a cycle or a duplicate is refused with a message

    @rule(k=st.integers(0, 500))
    def unlink(self, k: int) -> None:
        deps = self.doc.plan.dependencies
        if deps:
            self.doc.remove_dependencies([k % len(deps)])

    @rule(title=TITLES)
    def plan_title(self, title: str) -> None:
        self.doc.edit_plan(title=title)

    @rule(n=st.integers(1, 4))
    def undo_some(self, n: int) -> None:
        for _ in range(n):
            self.doc.undo_stack.undo()

    @rule(n=st.integers(1, 4))
    def redo_some(self, n: int) -> None:
        for _ in range(n):
            self.doc.undo_stack.redo()

    def teardown(self) -> None:
        doc = getattr(self, "doc", None)
        if doc is None:
            return
        try:
            stack = doc.undo_stack
            while stack.canRedo():  # the redo tail is part of the history too
                stack.redo()
            last = dump_plan(doc.file_plan())
            while stack.canUndo():
                stack.undo()
            assert dump_plan(doc.file_plan()) == self.original
            while stack.canRedo():
                stack.redo()
            assert dump_plan(doc.file_plan()) == last
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "p.plan.json"
                save_plan(doc.file_plan(), path)
                assert dump_plan(load_plan(path)) == last
        finally:
            doc.shutdown()


EditLayer.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def test_edit_layer(qapp) -> None:
    EditLayer.TestCase("runTest").runTest()
