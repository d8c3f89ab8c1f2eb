"""Built-in starting plans, shipped as ``<name>.plan.json`` files in this package."""

from __future__ import annotations

import json
from importlib import resources

from planner import units
from planner.model.io import parse_plan
from planner.model.plan import Plan


def template_names() -> list[str]:
    """Names of the bundled templates, e.g. ``['ai-scaling', 'blank']``."""
    files = resources.files(__package__)
    return sorted(f.name.removesuffix(".plan.json") for f in files.iterdir() if f.name.endswith(".plan.json"))


def template_text(name: str) -> str:
    if name not in template_names():
        raise KeyError(f"unknown template {name!r}; choose one of: {', '.join(template_names())}")
    return resources.files(__package__).joinpath(f"{name}.plan.json").read_text(encoding="utf-8")


def load_template(name: str) -> Plan:
    """A fresh :class:`Plan` from the bundled template ``name``."""
    return parse_plan(template_text(name), f"<template {name}>")


def template_summary(name: str) -> str:
    """One line describing the template: its description; without one, its title and what it holds (``Untitled
    plan: 4 stages (Validate, ...) with 12 gate criteria; no decisions yet``), which the title alone does not say."""
    data = json.loads(template_text(name))
    if data.get("description"):
        return str(data["description"]).splitlines()[0]
    stages = data.get("stages", [])
    names = ", ".join(str(s.get("name", s.get("id", ""))) for s in stages)
    criteria = sum(len(s.get("gate_criteria", [])) for s in stages)
    decisions = len(data.get("decisions", []))
    holds = units.count(len(stages), "stage") + (f" ({names})" if names else "")
    if criteria:
        holds += f" with {units.count(criteria, 'gate criterion', 'gate criteria')}"
    holds += f"; {units.count(decisions, 'decision')}" if decisions else "; no decisions yet"
    return f"{str(data.get('title') or name).splitlines()[0]}: {holds}"
