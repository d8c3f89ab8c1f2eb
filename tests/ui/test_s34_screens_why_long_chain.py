"""The inspector's "Why this schedule" of a decision with 60 links (session 34). A decision held by a chain of 70
decisions and by 60 others finishing with it listed the 60 ('parallel-01, ..., parallel-60 would hold it to the same
date'), then its 72-decision longest chain, then the 71-decision driving chain again: 40 lines of ids that pushed
the decision's fields out of the dock. A long chain is now named by its ends and how many are between, and many
others by the first few and a count, in the one explanation the inspector, the presenter bar and `planner analyze
--explain` all show; the whole chains stay in the explanation's lists (the highlight, the JSON)."""

from __future__ import annotations

from typing import Any

from planner.analysis import analyze
from planner.model import Plan
from planner.ui.state.document import PlanDocument
from planner.ui.views.inspector import DecisionInspector


def sixty_links(chain: int = 70, beside: int = 60) -> Plan:
    decisions: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for k in range(1, chain + 1):
        decisions.append({"id": f"chain-{k:02d}", "title": f"Chain step {k}", "stage": "v", "duration": 1})
        if k > 1:
            links.append({"from": f"chain-{k - 1:02d}", "to": f"chain-{k:02d}"})
    for k in range(1, beside + 1):
        decisions.append({"id": f"beside-{k:02d}", "title": f"Beside {k}", "stage": "v", "duration": chain})
        links.append({"from": f"beside-{k:02d}", "to": "x"})
    links.append({"from": f"chain-{chain:02d}", "to": "x"})
    decisions.append({"id": "x", "title": "Sixty links", "stage": "i", "duration": 2})
    decisions.append({"id": "long", "title": "Long road", "stage": "i", "duration": 3 * chain})
    return Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Sixty links",
            "stages": [{"id": "v", "name": "Validate"}, {"id": "i", "name": "Integrate"}],
            "decisions": decisions,
            "dependencies": links,
        }
    )


def test_a_long_chain_and_many_others_are_named_by_their_ends_and_counted() -> None:
    plan = sixty_links()
    e = analyze(plan).explain("x")
    assert len(e.driving_chain) == 71 and len(e.longest_chain) == 71  # the lists stay whole
    assert "chain-01 -> chain-02 -> chain-03 -> … 65 more … -> chain-69 -> chain-70 -> x" in e.critical_text
    assert "chain-30" not in e.critical_text
    assert e.start_reason.endswith(
        "beside-01, beside-02, beside-03, beside-04 and 56 others would hold it to the same date."
    )
    assert "beside-30" not in e.start_reason


def test_a_chain_of_seven_is_named_whole() -> None:
    e = analyze(sixty_links(chain=6, beside=5)).explain("x")
    assert "chain-01 -> chain-02 -> chain-03 -> chain-04 -> chain-05 -> chain-06 -> x" in e.critical_text
    assert e.start_reason.endswith(
        "beside-01, beside-02, beside-03, beside-04, beside-05 would hold it to the same date."
    )


def test_the_inspector_lists_the_chain_once_and_keeps_its_fields_in_sight(qtbot) -> None:
    plan = sixty_links()
    doc = PlanDocument(plan)
    doc.analyze_now()
    form = DecisionInspector(doc)
    qtbot.addWidget(form)
    form.resize(560, 900)
    form.show()
    form.set_decision(doc.decision("x"))
    why = [form.start_text.text(), form.float_text.text(), form.critical_text.text(), form.chain_text.text()]
    text = " ".join(why).replace("\u200b", "")
    for did in ("chain-01", "chain-70", "beside-01"):
        assert did in text
    for did in [f"chain-{k:02d}" for k in range(5, 66)] + [f"beside-{k:02d}" for k in range(6, 61)]:
        assert did not in text, did
    assert "Driving chain: chain-01 → chain-02 → chain-03 → … 65 more … → chain-69 → chain-70 → x" in text
    # the why leaves the decision's fields room: at most a third of a 900 px tall dock at 560 px
    qtbot.waitUntil(lambda: form.explain_box.width() > 400)
    box = form.explain_box
    assert box.heightForWidth(box.width()) < 300 if box.hasHeightForWidth() else box.height() < 300
    assert form._chain == doc.analysis.explain("x").driving_chain  # Highlight shows the whole chain
    doc.shutdown()
