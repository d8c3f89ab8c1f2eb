"""Turn an outline of tasks (MS Project, GanttProject) into a plan: summaries become structure, leaves decisions.

The rules, in one place for every outline format:

- **Leaves** (tasks without children) become exactly one decision each; **summary tasks** become structure.
- **Links that touch a summary** are re-attached so that the schedule is unchanged and the number of links stays
  linear: a linked summary gets a start and a finish milestone (tagged ``import-helper``), and so does every summary
  below it. The start milestone precedes each direct child (SS, no lag) and each direct child precedes the finish
  milestone (FS, no lag); the summary's own links are moved to the milestone on the side they constrain (its start
  for FS/SS successors and SS/SF predecessors, its finish otherwise). A summary therefore costs at most two
  decisions and ``2 × children`` links, never ``links × leaves``.
- **not_before**: a leaf with no predecessor (of its own or through a linked ancestor summary) keeps its stored start,
  and so does a summary's start milestone; a start-no-earlier-than constraint is kept everywhere. Other constraints
  are reported. A start or finish milestone the work inside has passed is done, at the summary's stored start or
  finish, or at the status date when the file has it later.
- **Stage**: a custom field naming a stage when present; otherwise the nearest summary whose name (or id) matches a
  stage; otherwise the stage by start time (the source's span cut into equal parts, one per stage), tagged
  ``stage-guessed``, then moved along the links to no earlier than the stages of the work it waits for and no later
  than the named stages of the work waiting for it, so that a guess adds no stage inversion. **Area**: a custom field, or the nearest summary matching an area, otherwise the area
  ``imported`` ("Imported"), tagged ``area-guessed``. A caller (the app's import step) may map top-level summaries to
  a stage and an area first; that mapping wins over the name rules.
- Names of summaries that are not a stage or an area are kept as tags on the decisions below them, and every
  decision's source id and WBS is recorded under ``plan.extensions["import"]`` so an export can write them back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
from pydantic import ValidationError

from planner.analysis.graph import topological_order
from planner.analysis.progress import status_week, to_week
from planner.io.common import (
    AREA_GUESSED_TAG,
    CARRIED_EARLIEST,
    EXTENSION_KEY,
    HELPER_TAG,
    STAGE_GUESSED_TAG,
    IdMaker,
    ImportReport,
    report_outside_links,
    slug,
    some,
)
from planner.model.plan import (
    Area,
    Baseline,
    BaselineEntry,
    Decision,
    Dependency,
    DependencyType,
    Plan,
    Stage,
    Status,
    Team,
    ThreePoint,
    new_plan,
)
from planner.units import (
    agree,
    count,
    format_date,
    format_percent,
    format_weeks,
    plural_weeks,
    quoted,
    week_to_date,
)

DEFAULT_AREA = ("imported", "Imported", "#999999")


@dataclass
class SourceTask:
    """One task row of an outline source, times in the source's working weeks from the project start."""

    key: str  # the source's unique id (UID)
    name: str
    level: int  # 1 = top level (the project summary, level 0, is dropped before this)
    duration: float = 0.0
    milestone: bool = False
    start: float | None = None
    finish: float | None = None
    progress: float = 0.0
    actual_start: dt.date | float | None = None  # what the source recorded as really happened (issue 16)
    actual_finish: dt.date | float | None = None  # (weeks only from the planner's own exports)
    status_hint: str | None = (
        None  # the planner's own export: the plan's status (MS Project has no 'blocked')
    )
    wbs: str = ""
    notes: str = ""
    cost: float | None = None
    not_before: float | None = None  # an explicit start-no-earlier-than
    resume: float | None = (
        None  # started work: where the source starts its remaining work (MS Project's Resume)
    )
    resume_day: dt.date | None = None  # its calendar day (the report names it)
    fixed_start: bool = False  # manually scheduled: its stored start is kept even with predecessors
    # the planner's own export says the plan gives it an earliest start of week 0 (the plan start) itself: kept as
    # 0, not dropped as no constraint (the same schedule, but the plan's field comes back as it was)
    floor_at_start: bool = False
    resources: list[tuple[str, float]] = field(default_factory=list)  # (team id, units as headcount)
    lead: str | None = None  # the team the source names as the owner (P6's primary resource)
    lead_word: str = "the primary resource"  # what the source calls it (GanttProject: the coordinator)
    three_point: tuple[float, float, float] | None = None
    wanted_id: str | None = None  # the decision id an earlier export recorded
    code: str | None = None  # the source's own activity code (P6's Activity ID): the decision id when valid
    stage_hint: str | None = None  # custom fields
    area_hint: str | None = None

    def owner_and_headcount(self) -> tuple[str | None, float]:
        """The decision's owner (the one the source names, :attr:`lead`, else the resource with the most units) and
        headcount (their units' sum), as the plan carries a task worked by several resources; no resource: no
        owner, one person."""
        if not self.resources:
            return None, 1.0
        teams = [team for team, _ in self.resources]
        owner = self.lead if self.lead in teams else max(self.resources, key=lambda r: r[1])[0]
        return owner, sum(u for _, u in self.resources)


def resume_after_part_done(task: SourceTask, began: float | None, *, pauses: bool = True) -> float | None:
    """Where a file without a Resume runs the remaining work of started work (weeks), or None: MS Project runs it
    right after the part done and stores that finish (MPX has no Resume; MPXJ writes MS Project XML without one for
    files of other tools). The plan, without a status date, would start it at the actual start and finish the task
    the part done earlier than the file. Carried when the task's stored finish says so (within a day): the planner's
    own MPX stores the plan's finish (remaining work from the actual start). Work paused after its part done (MS
    Project splits it: the part done from the actual start, the remaining work later, up to the stored finish;
    "Update Project" makes such a split at a status date) resumes where its stored finish less the remaining work
    puts it, so that it finishes where the file has it (it finished the pause earlier, without a word, when the
    task was not on the critical path); not with ``pauses`` false (the planner's own MPX)."""
    weeks, finish = task.duration, task.finish
    if not 0 < task.progress < 100 or began is None or finish is None or task.milestone or weeks <= 0:
        return None
    resume = began + weeks * task.progress / 100.0
    stored = finish - weeks * (
        1 - task.progress / 100.0
    )  # where the file's finish has the remaining work start
    if abs(stored - resume) <= 0.2 and resume > began + 0.02:
        return resume
    if pauses and stored > resume + 0.2:
        return stored
    return None


@dataclass
class SourceLink:
    pred: str
    succ: str
    type: DependencyType
    lag: float  # weeks


@dataclass
class Outline:
    """Everything an outline reader found, before it becomes a plan."""

    title: str
    format: str
    start_date: dt.date | None
    tasks: list[SourceTask]
    links: list[SourceLink]
    teams: list[Team] = field(default_factory=list)
    stages: list[Stage] | None = None  # default: the four standard stages
    currency: str | None = None
    finish: float | None = None  # the finish the authoring tool stored, in working weeks
    status_date: dt.date | float | None = None  # the date (or week) the source's progress was recorded up to
    extra: dict[str, object] = field(default_factory=dict)
    baseline: dict[str, tuple[float, float]] = field(
        default_factory=dict
    )  # task key -> (start, finish), weeks
    baseline_finish: float | None = None  # the project's baseline finish, when the file stores one
    baseline_name: str = "Baseline"
    outside: list[str] = field(
        default_factory=list
    )  # links the reader left out, one end outside the file ("task 3 'Build' after task 77"): one report line


@dataclass
class Mapping:
    """The app's import step: top-level summary key -> (stage id or None, area id or None)."""

    summaries: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)


def exact_actual(start: dt.date, week: float) -> dt.date | float:
    """An actual start or finish at ``week`` (a position in the file's schedule): its date when the date is exactly
    that week (whole days), else the weeks themselves, so that the decision sits exactly where the file has it (a
    date rounds to whole days: 0.4 working weeks, Wed after two working days, is 2.8 calendar days)."""
    days = week * 7
    if abs(days - round(days)) < 1e-9:
        day = week_to_date(start, week)
        if day is not None:
            return day
    return week


def _actual(day: dt.date | float | None, start: dt.date | None) -> dt.date | float | None:
    """An actual date as the plan keeps it: only with a plan start date to place it, never before it (weeks, which
    the planner's own exports carry, never below 0)."""
    if isinstance(day, float | int):
        return max(0.0, float(day))
    if day is None or start is None:
        return None
    return max(day, start)


def _status(progress: float, hint: str | None) -> Status:
    """A task's status from its progress, or the planner's own export's status when the progress still agrees with
    it (a decision done, blocked or in progress at 0 % stays so; progress changed in the other tool wins)."""
    derived = Status.DONE if progress >= 100 else Status.IN_PROGRESS if progress > 0 else Status.NOT_STARTED
    try:
        hinted = Status(hint) if hint else None
    except ValueError:
        return derived
    if hinted is None or (hinted is Status.DONE) != (derived is Status.DONE):
        return derived
    if hinted is Status.NOT_STARTED and progress > 0:
        return derived
    return hinted


def top_level_summaries(outline: Outline) -> list[SourceTask]:
    """The level-1 tasks that have children (what the app's import step lets the user map)."""
    out = []
    for i, t in enumerate(outline.tasks):
        nxt = outline.tasks[i + 1] if i + 1 < len(outline.tasks) else None
        if t.level == 1 and nxt is not None and nxt.level > t.level:
            out.append(t)
    return out


def match_named(name: str, items: list[tuple[str, str]]) -> str | None:
    """The id of the item (id, name) that ``name`` names, by id or name, whatever the case; None for none."""
    key = name.strip().casefold()
    for item_id, item_name in items:
        if key in (item_id.casefold(), item_name.casefold()):
            return item_id
    return None


def build_plan(outline: Outline, report: ImportReport, mapping: Mapping | None = None) -> Plan:
    """The plan for ``outline``; everything approximated or dropped goes into ``report``."""
    tasks = outline.tasks
    rate_of = {team.id: team.rate or 0.0 for team in outline.teams}
    n = len(tasks)
    plan = new_plan(outline.title or "Imported plan")
    if outline.stages:
        plan.stages = list(outline.stages)
    plan.start_date = outline.start_date
    if outline.start_date is not None:  # dates of progress need the start date to be placed
        plan.status_date = outline.status_date
    plan.currency = outline.currency
    plan.teams = list(outline.teams)
    stage_names = [(s.id, s.name) for s in plan.stages]
    areas = list(plan.areas)

    # -- hierarchy from levels --------------------------------------------------------------------------------
    parent: list[int | None] = [None] * n
    children: list[list[int]] = [[] for _ in range(n)]
    stack: list[int] = []
    for i, t in enumerate(tasks):
        while stack and tasks[stack[-1]].level >= t.level:
            stack.pop()
        if stack:
            parent[i] = stack[-1]
            children[stack[-1]].append(i)
        stack.append(i)
    is_summary = [bool(c) for c in children]
    index = {t.key: i for i, t in enumerate(tasks)}

    # -- stage/area of each task, top-down ---------------------------------------------------------------------
    area_items = [(a.id, a.name) for a in areas]
    mapped = (mapping or Mapping()).summaries
    stage_of: list[str | None] = [None] * n
    area_of: list[str | None] = [None] * n
    tags_of: list[list[str]] = [[] for _ in range(n)]

    def ensure_area(hint: str) -> str:
        found = match_named(hint, area_items)
        if found:
            return found
        new_id = IdMaker(a for a, _ in area_items).make(hint if hint else None, slug(hint, "area"))
        areas.append(Area(id=new_id, name=hint))
        area_items.append((new_id, hint))
        return new_id

    def ensure_stage(hint: str) -> str:
        found = match_named(hint, stage_names)
        if found:
            return found
        new_id = IdMaker(s for s, _ in stage_names).make(hint, slug(hint, "stage"))
        plan.stages.append(Stage(id=new_id, name=hint))
        stage_names.append((new_id, hint))
        return new_id

    for i, t in enumerate(tasks):
        p = parent[i]
        stage_of[i] = stage_of[p] if p is not None else None
        area_of[i] = area_of[p] if p is not None else None
        tags_of[i] = list(tags_of[p]) if p is not None else []
        if is_summary[i]:
            m_stage, m_area = mapped.get(t.key, (None, None))
            name_stage = match_named(t.name, stage_names)
            name_area = None if name_stage else match_named(t.name, area_items)
            if m_stage or name_stage:
                stage_of[i] = m_stage or name_stage
            if m_area or name_area:
                area_of[i] = m_area or name_area
            if not (m_stage or m_area or name_stage or name_area) and t.name.strip():
                tags_of[i].append(t.name.strip())
        if t.stage_hint:
            stage_of[i] = ensure_stage(t.stage_hint)
        if t.area_hint:
            area_of[i] = ensure_area(t.area_hint)

    # -- which summaries need start/finish milestones ----------------------------------------------------------
    linked = [False] * n
    for link in outline.links:
        for k in (link.pred, link.succ):
            j = index.get(k)
            if j is not None and is_summary[j]:
                linked[j] = True
    needs = [False] * n
    for i in range(n):  # parents come before their children, so one pass marks whole subtrees
        p = parent[i]
        needs[i] = is_summary[i] and (linked[i] or (p is not None and needs[p]))

    # -- how far the work inside each summary is: its start milestone is done once work inside it has begun, its
    # finish milestone once all of it is done (children come after their parent, so a backward pass sees them first).
    # Not the summary's own percentage: TaskJuggler's summaries have none, and their scheduled finish before the
    # status date read as done while work inside is half done; its successors would not wait for that work.
    # A summary's own % complete that no task under it records (a tool keeping progress on summaries only, or a
    # project summary typed over) is not carried: the plan's progress is its tasks' own; said in one line.
    begun = [t.progress > 0 or t.actual_start is not None for t in tasks]
    finished = [t.progress >= 100 for t in tasks]
    summary_only: list[str] = []
    for i in range(n - 1, -1, -1):
        if is_summary[i]:
            inside = any(begun[c] for c in children[i])
            if tasks[i].progress > 0 and not inside:
                summary_only.append(f"{quoted(tasks[i].name)} {format_percent(tasks[i].progress)}")
            begun[i] = tasks[i].actual_start is not None or inside
            finished[i] = all(finished[c] for c in children[i])
    summary_only.reverse()

    # -- effective predecessors (own or through a linked ancestor) for not_before ------------------------------
    has_pred = [False] * n
    for link in outline.links:
        j = index.get(link.succ)
        if j is not None and link.pred in index:  # (a link to a task not in the file is left out)
            has_pred[j] = True
    inherited = [False] * n
    for i in range(n):
        p = parent[i]
        inherited[i] = has_pred[i] or (p is not None and inherited[p])

    # -- stage by start time when nothing named one ---------------------------------------------------------------
    span = outline.finish
    if span is None:
        span = max((t.finish or 0.0) for t in tasks) if tasks else 0.0

    def stage_by_time(t: SourceTask) -> str:
        k = len(plan.stages)
        if not span or span <= 0 or t.start is None:
            return plan.stages[0].id
        return plan.stages[min(k - 1, max(0, int(t.start / span * k)))].id

    # -- decisions ---------------------------------------------------------------------------------------------------
    ids = IdMaker()
    decision_of: dict[int, str] = {}
    start_id: dict[int, str] = {}
    finish_id: dict[int, str] = {}
    decisions: list[Decision] = []
    source_rows: dict[str, dict[str, str]] = {}
    helper_baseline: dict[str, float] = {}  # a summary's start/finish milestone -> its baseline moment, weeks
    summaries_ext: list[dict[str, object]] = []
    milestones = helpers = 0
    milestone_time: dict[int, float] = {}  # milestones the source schedules with a duration: index -> weeks
    dated: set[int] = set()  # done tasks whose actual dates come from their stored dates
    resumed: set[int] = set()  # tasks in progress whose remaining work resumes where the file has it
    # tasks in progress that resume after their actual start (the file's resume): name, resume (weeks), paused
    resumed_later: list[tuple[str, dt.date | None, float, bool]] = []
    odd_progress: list[str] = []  # a % complete below 0 or above 100, read as 0 or 100
    negative: list[str] = []  # a negative duration, read as 0
    default_area_used = False

    held = status_week(plan)  # the status date in weeks: work passed by then passed at it at the latest
    not_yet: list[str] = []  # work not started that the file schedules before the status date

    def place(i: int) -> tuple[str, str, list[str]]:
        nonlocal default_area_used
        t = tasks[i]
        tags = list(dict.fromkeys(tags_of[i]))
        stage = stage_of[i]
        if stage is None:
            stage = stage_by_time(t)
            tags.append(STAGE_GUESSED_TAG)
        area = area_of[i]
        if area is None:
            area = DEFAULT_AREA[0]
            default_area_used = True
            tags.append(AREA_GUESSED_TAG)
        return stage, area, tags

    for i, t in enumerate(tasks):
        # P6's activities by their Activity ID, as its own lines name them (its task_id is no number a user sees)
        where = f"activity {t.code} {quoted(t.name)}" if t.code else f"task {t.key} {quoted(t.name)}"
        if is_summary[i]:
            up = parent[i]
            summaries_ext.append(
                {
                    "key": t.key,
                    "name": t.name,
                    "wbs": t.wbs,
                    "level": t.level,
                    "parent": tasks[up].key if up is not None else None,
                }
            )
            if t.resources:
                report.add(
                    "resource",
                    "a summary task's assignments are not carried (its leaves carry the work)",
                    where,
                )
            # a start milestone without predecessors (of its own or through a summary around it) not yet passed
            # starts where the file has the summary start, as a leaf does: at week 0 it would be late at any status
            # date before that start. A summary constraint no later than that start is carried by it.
            floor = (
                t.start
                if needs[i] and not begun[i] and not inherited[i] and t.start is not None and t.start > 1e-9
                else None
            )
            kept_by_start = floor is not None and t.not_before is not None and t.not_before <= floor + 1e-6
            if t.not_before is not None and not kept_by_start:
                report.withdraw("constraint", where, CARRIED_EARLIEST)  # how the reader carried it
                report.add("constraint", "a constraint on a summary task is not carried", where)
            if needs[i]:
                stage, area, tags = place(i)
                for side, store in (("start", start_id), ("finish", finish_id)):
                    point = t.start if side == "start" else t.finish
                    passed = begun[i] if side == "start" else finished[i]
                    if passed and point is not None and held is not None:
                        point = min(
                            point, held
                        )  # passed by the status date (the file's schedule may say later)
                    helper_day = (  # a passed helper sits at its summary's stored start or finish
                        exact_actual(outline.start_date, max(0.0, point))
                        if passed and point is not None and outline.start_date is not None
                        else None
                    )
                    did = ids.make(f"{slug(t.name, 'summary')}-{side}", f"summary-{side}")
                    store[i] = did
                    if t.key in outline.baseline:  # the summary's baseline start or finish
                        helper_baseline[did] = outline.baseline[t.key][0 if side == "start" else 1]
                    decisions.append(
                        Decision(
                            id=did,
                            title=f"{t.name or 'Summary'} ({side})"[:300],
                            stage=stage,
                            area=area,
                            duration=0,
                            milestone=True,
                            tags=[*tags, HELPER_TAG],
                            notes=f"Added by the import: the {side} of summary task {quoted(t.name)}, so that its links "
                            "keep the schedule without a link to every task inside it.",
                            progress=100.0 if passed else 0.0,
                            status=Status.DONE if passed else Status.NOT_STARTED,
                            actual_start=helper_day,
                            actual_finish=helper_day,
                            not_before=floor if side == "start" else None,
                        )
                    )
                    helpers += 1
            continue
        stage, area, tags = place(i)
        did = ids.make(t.wanted_id or t.code or slug(t.name, f"task-{t.key}"), f"task-{slug(t.key, 'x')}")
        decision_of[i] = did
        if t.three_point is not None:
            o, lk, pe = t.three_point
            duration: float | ThreePoint = (
                ThreePoint(optimistic=o, likely=lk, pessimistic=pe) if not (o == lk == pe) else lk
            )
        else:
            duration = max(0.0, t.duration)
            if t.duration < 0:
                negative.append(t.name)
        milestone = t.milestone or (t.duration == 0 and t.three_point is None)
        if milestone:
            milestones += 1
            if t.duration > 0:
                # The source schedules it with its duration (GanttProject before 2.7 gives a milestone a day, MS
                # Project keeps the duration of a task flagged as a milestone): its finish links carry that time.
                milestone_time[i] = t.duration
                report.add(
                    "duration",
                    f"a milestone with a duration of {plural_weeks(t.duration)} is kept as a milestone (0 weeks); "
                    "the links from its finish get that time as lag, so its successors stay where the file "
                    "has them",
                    where,
                )
            duration = 0.0
        not_before = t.not_before
        # A task without predecessors starts where the file has it -- except in the planner's own export, which
        # writes the plan's earliest start itself (its stored start may be the status date or an actual start).
        if (
            (t.fixed_start or (not inherited[i] and t.wanted_id is None))
            and t.start is not None
            and t.start > 1e-9
        ):
            not_before = max(not_before or 0.0, t.start)
        owner, headcount = t.owner_and_headcount()
        if len(t.resources) > 1:
            # one owner per decision: its labour is the headcount at the owner's rate (planner.analysis.cost)
            rates = {rate_of.get(team, 0.0) for team, _ in t.resources}
            report.add(
                "resource",
                f"{len(t.resources)} resources: the owner is "
                + (
                    t.lead_word
                    if t.lead in {team for team, _ in t.resources}
                    else "the one with the most units"
                )
                + ", the "
                f"headcount their sum ({headcount:g})"
                + (
                    "; their rates differ: the labour counts them all at the owner's rate"
                    if len(rates) > 1
                    else ""
                ),
                where,
            )
        progress = min(100.0, max(0.0, t.progress))
        if abs(progress - t.progress) > 1e-9:
            odd_progress.append(f"{quoted(t.name)} {format_percent(t.progress)}")
        status = _status(progress, t.status_hint)
        if (
            status is Status.NOT_STARTED
            and held is not None
            and t.start is not None
            and t.start < held - 1e-6
        ):
            not_yet.append(t.name.strip() or f"Task {t.key}")  # the file has it before the status date
        actual_start: dt.date | float | None = _actual(t.actual_start, outline.start_date)
        actual_finish: dt.date | float | None = (
            _actual(t.actual_finish, outline.start_date) if status is Status.DONE else None
        )
        own = t.wanted_id is not None  # the planner's own export: its progress is exactly the plan's
        if status is Status.DONE and outline.start_date is not None and not own:
            # Work reported done without actual dates (GanttProject keeps none; MPXJ-written XML often has none)
            # happened where the file has it: its stored dates are its actuals. Otherwise it would sit at the plan
            # start and pull its successors earlier than the file has them.
            if actual_start is None and t.start is not None:
                actual_start = exact_actual(outline.start_date, max(0.0, t.start))
                dated.add(i)
            if actual_finish is None and t.finish is not None:
                actual_finish = exact_actual(outline.start_date, max(0.0, t.finish))
                dated.add(i)
        elif (
            status is Status.IN_PROGRESS
            and actual_start is not None
            and t.resume is not None
            and held is None
            and not milestone
            and not own
            and t.resume > (to_week(plan, actual_start) or 0.0) + 1e-6
        ):
            # Started work the file resumes after its actual start, with no status date to hold it there: the plan
            # resumes work in progress at its actual start (docs/progress-and-status-date.md), so the resume is
            # carried as for work without one (an earliest start, the part done counted back from it) and the
            # actual start is left to follow from it. The part done fills the time between them unless the work
            # paused (more than the % complete's rounding left over): then the part done moves up to the resume.
            began = to_week(plan, actual_start) or 0.0
            done_part = max(0.0, t.duration) * progress / 100.0
            paused = t.resume - done_part - began > max(0.0, t.duration) * 0.005 + 1e-6
            resumed_later.append((t.name.strip() or f"Task {t.key}", t.resume_day, t.resume, paused))
            not_before = max(not_before or 0.0, t.resume)
            actual_start = None
        elif (
            status is Status.IN_PROGRESS
            and actual_start is None
            and t.start is not None
            and not milestone
            and not own
        ):
            # Work in progress without an actual start: the file runs the part done from its stored start and the
            # rest right after it. The plan's remaining work starts at its earliest start, so that is where the part
            # done ends (an actual start would let the remaining work start at the stored start instead).
            resume = t.start + max(0.0, t.duration) * progress / 100.0
            if resume > 1e-9 and (not_before is None or resume > not_before):
                not_before = resume
                resumed.add(i)
        try:
            decision = Decision(
                id=did,
                title=(t.name.strip() or f"Task {t.key}")[:300],
                stage=stage,
                area=area,
                owner=owner,
                duration=duration,
                milestone=milestone,
                headcount=headcount,
                cost=t.cost,
                progress=progress,
                status=status,
                actual_start=actual_start,
                actual_finish=actual_finish,
                not_before=(
                    (
                        0.0 if t.floor_at_start else None
                    )  # at the plan start: the export's own week 0, else none
                    if not_before is None or not_before <= 1e-9
                    else not_before
                ),
                tags=tags,
                notes=t.notes,
            )
        except (
            ValidationError
        ) as exc:  # a value past the plan's limits: the refusal names the task (import_file)
            exc.add_note(where)
            raise
        decisions.append(decision)
        source_rows[did] = {"key": t.key, "wbs": t.wbs}

    # -- a helper's stage spans its summary's work: start with the earliest stage inside, finish with the latest,
    #    so the helpers add no stage inversions of their own
    if start_id:
        position = {st.id: k for k, st in enumerate(plan.stages)}
        by_id = {d.id: d for d in decisions}
        stage_span: dict[int, tuple[int, int]] = {}
        for i, did in decision_of.items():
            pos = position.get(by_id[did].stage, 0)
            up = parent[i]
            while up is not None and needs[up]:
                lo, hi = stage_span.get(up, (pos, pos))
                stage_span[up] = (min(lo, pos), max(hi, pos))
                up = parent[up]
        for i, (lo, hi) in stage_span.items():
            by_id[start_id[i]].stage = plan.stages[lo].id
            by_id[finish_id[i]].stage = plan.stages[hi].id

    # -- links --------------------------------------------------------------------------------------------------------
    deps: list[Dependency] = []

    def endpoint(i: int, use_start: bool) -> str:
        if not is_summary[i]:
            return decision_of[i]
        return start_id[i] if use_start else finish_id[i]

    for i in range(n):  # structure links of the helper milestones
        if not needs[i]:
            continue
        for c in children[i]:
            first = start_id[c] if is_summary[c] else decision_of[c]
            last = finish_id[c] if is_summary[c] else decision_of[c]
            deps.append(Dependency(from_=start_id[i], to=first, type=DependencyType.SS, lag=0.0))
            deps.append(Dependency(from_=last, to=finish_id[i], type=DependencyType.FS, lag=0.0))
    outside = list(outline.outside)
    self_linked: list[
        str
    ] = []  # tasks linked to themselves (a hand-edited or generated file): one report line
    for link in outline.links:
        a, b = index.get(link.pred), index.get(link.succ)
        if a is None or b is None:
            if b is not None:
                outside.append(
                    f"task {tasks[b].code or tasks[b].key} {quoted(tasks[b].name)} after task {link.pred}"
                )
            elif a is not None:
                outside.append(
                    f"task {tasks[a].code or tasks[a].key} {quoted(tasks[a].name)} before task {link.succ}"
                )
            else:
                outside.append(f"task {link.pred} -> task {link.succ}")
            continue
        if a == b:
            self_linked.append(f"task {tasks[a].code or tasks[a].key} {quoted(tasks[a].name)}")
            continue
        if _inside(parent, a, b) or _inside(parent, b, a):
            # MS Project refuses these; a file that has one would make the summary's helpers a cycle
            report.add(
                "link",
                f"a link between summary task {quoted(tasks[a if is_summary[a] else b].name)} and a task inside it; "
                "dropped",
                f"link {link.pred} -> {link.succ}",
            )
            continue
        pred_start = link.type in (DependencyType.SS, DependencyType.SF)
        succ_start = link.type in (DependencyType.FS, DependencyType.SS)
        if is_summary[b] and not succ_start:
            report.add(
                "link",
                f"a {link.type} link to a summary task constrains its finish milestone only (the "
                "tasks inside it are not pushed)",
                f"task {tasks[b].key} {quoted(tasks[b].name)}",
            )
        lag = link.lag + (0.0 if pred_start else milestone_time.get(a, 0.0))
        deps.append(
            Dependency(from_=endpoint(a, pred_start), to=endpoint(b, succ_start), type=link.type, lag=lag)
        )

    report_outside_links(report, outside)
    if self_linked:
        n = len(self_linked)
        report.add(
            "link",
            f"{count(n, 'task')} linked to {agree(n, 'itself', 'themselves')}; dropped ({some(self_linked, 5)})",
        )
    raised = follow_linked_stages(decisions, deps, plan.stages)

    if default_area_used and not any(a.id == DEFAULT_AREA[0] for a in areas):
        areas.append(Area(id=DEFAULT_AREA[0], name=DEFAULT_AREA[1], color=DEFAULT_AREA[2]))
    plan.areas = areas
    plan.decisions = decisions
    plan.dependencies = deps
    status_day = plan.status_date
    if (
        isinstance(status_day, dt.date)
        and plan.start_date is not None
        and status_day < plan.start_date
        and all(
            d.status is not Status.DONE and d.actual_start is None and d.actual_finish is None
            for d in decisions
        )
    ):
        # a status date before the work starts, with no actual date to record (TaskJuggler writes the day of the
        # export): the plan would count it as its start, so it changes no figure and would only be a warning. A
        # percentage without actual dates does not need it: its remaining work is placed where the file has it.
        report.add(
            "progress",
            f"the file's status date, {format_date(status_day)}, is before the plan starts "
            f"({format_date(plan.start_date)}) and no task has an actual date: not carried",
        )
        plan.status_date = None
    plan.extensions = {
        EXTENSION_KEY: {
            "format": outline.format,
            "source_finish_weeks": outline.finish,
            "decisions": source_rows,
            "summaries": summaries_ext,
            **outline.extra,
        }
    }
    _take_baseline(plan, outline, source_rows, report, helper_baseline)
    if dated:
        report.add(
            "progress",
            f"{count(len(dated), 'done task')} without actual dates: {agree(len(dated), 'its', 'their')} stored "
            f"start and finish are used as {agree(len(dated), 'its', 'their')} actual dates",
        )
    if summary_only:
        n_only = len(summary_only)
        report.add(
            "progress",
            f"{count(n_only, 'summary task')} {agree(n_only, 'has', 'have')} a % complete that no task under "
            f"{agree(n_only, 'it', 'them')} records ({some(summary_only)}): not carried, the plan's progress is its "
            "tasks' own; set it on the tasks that are done or under way",
        )
    if odd_progress:
        report.add(
            "progress",
            f"{count(len(odd_progress), 'task')} {agree(len(odd_progress), 'has', 'have')} a % complete outside "
            "0-100, read as 0 or 100: " + some(odd_progress),
        )
    if negative:
        report.add(
            "duration",
            f"{count(len(negative), 'task')} {agree(len(negative), 'has', 'have')} a negative duration, read as 0: "
            + some(quoted(n) for n in negative),
        )
    if resumed_later:
        n = len(resumed_later)
        first, when, at, _ = resumed_later[0]
        paused_names = [name for name, _, _, p in resumed_later if p]
        report.add(
            "progress",
            f"{count(n, 'task')} in progress {agree(n, 'resumes', 'resume')} {agree(n, 'its', 'their')} remaining "
            f"work after {agree(n, 'its', 'their')} actual start ("
            + (
                "the file's Resume"
                if when is not None
                else f"{'MPX keeps' if outline.format == 'mpx' else 'the file has'} no Resume: right after the part "
                "done, where MS Project runs it"
                + (", or where the stored finish less the remaining work puts it" if paused_names else "")
            )
            + f": {quoted(first)} on "
            f"{format_date(when) if when is not None else 'week ' + format_weeks(at)}{', ...' if n > 1 else ''}) "
            + ("and MPX has no status date" if outline.format == "mpx" else "and the file has no status date")
            + ": the remaining work starts there (an earliest start, not before) "
            "and the part done is counted back from it, in place of the actual start"
            + (
                f"; {count(len(paused_names), 'task')} paused after {agree(len(paused_names), 'its', 'their')} part done "
                f"({some(quoted(p) for p in paused_names)}): the plan has no pause without a status date, so "
                f"{agree(len(paused_names), 'its', 'their')} part done is placed just before the resume, later than "
                f"the file's actual start"
                if paused_names
                else ""
            ),
        )
    if resumed:
        report.add(
            "progress",
            f"{count(len(resumed), 'task')} in progress without an actual start: the remaining work gets an "
            "earliest start (not before) where the file has the part done end",
        )
    # the file's own grain: GanttProject keeps whole days, and so does an MPX file whose dates have no time of day
    days = outline.extra.get("days_per_week") if outline.format == "gan" else None
    grain = outline.extra.get("whole_day")
    whole_day = grain if isinstance(grain, float) else 1.0 / days if isinstance(days, int) and days else 0.0
    # MS Project and P6 schedule the remaining work of started work (MPXJ writes them so too); the planner's own
    # exports of them store its full-duration schedule, GanttProject keeps the whole durations
    own = any(t.wanted_id is not None for t in outline.tasks)
    full_durations = own or outline.format not in ("mspdi", "mpx", "xer", "p6xml", "mpxj")
    compare_finish(
        plan, outline.finish, report, whole_day=whole_day, full_durations=full_durations, not_yet=not_yet
    )
    # counted as the summary line counts decisions: the import's own helper milestones apart
    guessed_stage = sum(1 for d in decisions if STAGE_GUESSED_TAG in d.tags and HELPER_TAG not in d.tags)
    guessed_area = sum(1 for d in decisions if AREA_GUESSED_TAG in d.tags and HELPER_TAG not in d.tags)
    if guessed_stage:
        report.add(
            "guess",
            f"{count(guessed_stage, 'decision')} got {agree(guessed_stage, 'its', 'their')} stage from "
            f"{agree(guessed_stage, 'its', 'their')} start time (no summary or "
            f"custom field named a stage); tagged '{STAGE_GUESSED_TAG}'"
            + (
                f"; {count(raised, 'of them', 'of them')} {agree(raised, 'takes', 'take')} the stage of the "
                f"work linked to {agree(raised, 'it', 'them')} instead, so that a guess adds no stage inversion"
                if raised
                else ""
            ),
        )
    if guessed_area:
        report.add(
            "guess",
            f"{count(guessed_area, 'decision')} got the area 'Imported' (no summary or custom field "
            f"named an area); tagged '{AREA_GUESSED_TAG}'",
        )
    report.counts.update(
        {
            "decisions": len(decisions) - helpers,
            "milestones": milestones,
            "helpers": helpers,
            "summaries": sum(is_summary),
            "dependencies": len(deps),
        }
    )
    return plan


def follow_linked_stages(
    decisions: list[Decision],
    deps: list[Dependency],
    stages: list[Stage],
    guessed: list[bool] | None = None,
) -> int:
    """Move each decision whose stage was guessed (from its start time, tagged ``stage-guessed``; or ``guessed``,
    the table import's rows without a stage) so that the guess adds no stage inversion the file does not have: no
    later than the earliest named stage of the work that waits for it, and no earlier than the latest stage of the
    work it waits for (work after an Integrate summary is not Validate because it starts early in the plan's span).
    Named stages stay. The number of decisions (not helpers) moved."""
    if guessed is None:
        guessed = [STAGE_GUESSED_TAG in d.tags for d in decisions]
    if not any(guessed) or not deps:
        return 0
    index = {d.id: k for k, d in enumerate(decisions)}
    position = {s.id: k for k, s in enumerate(stages)}
    pairs = [(index[x.from_], index[x.to]) for x in deps if x.from_ in index and x.to in index]
    src = np.fromiter((a for a, _ in pairs), dtype=np.int64, count=len(pairs))
    dst = np.fromiter((b for _, b in pairs), dtype=np.int64, count=len(pairs))
    order, _ = topological_order(len(decisions), src, dst)
    if order is None:
        return 0  # a loop: the plan reports it; nothing to follow
    preds: list[list[int]] = [[] for _ in decisions]
    succs: list[list[int]] = [[] for _ in decisions]
    for a, b in pairs:
        preds[b].append(a)
        succs[a].append(b)
    pos = [position.get(d.stage, 0) for d in decisions]
    last = len(stages) - 1
    upper = [last] * len(decisions)  # the earliest named stage downstream
    for k in reversed(order):
        for s in succs[k]:
            upper[k] = min(upper[k], upper[s] if guessed[s] else pos[s])
    moved = 0
    for k in order:
        if not guessed[k]:
            continue
        lower = max((pos[p] for p in preds[k]), default=0)
        want = max(lower, min(pos[k], upper[k]))
        if want != pos[k]:
            pos[k] = want
            decisions[k].stage = stages[want].id
            moved += HELPER_TAG not in decisions[k].tags
    return moved


def report_durations_from_dates(report: ImportReport, n: int) -> None:
    """The import-report line for ``n`` tasks (MS Project XML, MPX) written without a Duration, whose duration is
    read as the working time between their Start and Finish; nothing when ``n`` is 0."""
    if n:
        report.add(
            "duration",
            f"{count(n, 'task')} {agree(n, 'has', 'have')} no Duration: it is the working time between "
            f"{agree(n, 'its', 'their')} Start and Finish",
        )


def _take_baseline(
    plan: Plan,
    outline: Outline,
    source_rows: dict[str, dict[str, str]],
    report: ImportReport,
    helpers: dict[str, float],
) -> None:
    """The file's baseline (MS Project's Baseline 0) as the plan's baseline, so that the variance and the late-work
    findings measure against what the team agreed, not the plan without progress."""
    if not outline.baseline:
        return
    id_of = {row["key"]: did for did, row in source_rows.items()}
    entries = {
        # to 1e-5 weeks (1.4 s of a 40-hour week): the file's moments are whole seconds
        id_of[key]: BaselineEntry(start=round(max(0.0, a), 5), finish=round(max(0.0, a, b), 5))
        for key, (a, b) in outline.baseline.items()
        if key in id_of
    }
    if not entries:
        return
    tasks = len(entries)
    early = sorted(
        (min(a, b), key) for key, (a, b) in outline.baseline.items() if key in id_of and min(a, b) < -1e-9
    )
    if early:
        title = {d.id: d.title for d in plan.decisions}
        names = [quoted(title.get(id_of[key], key)) for _, key in early]
        report.add(
            "baseline",
            f"the baseline of {count(len(early), 'task')} starts or ends before the plan's start (earliest: week "
            f"{format_weeks(early[0][0])}, working weeks of the file's calendar): moved to week 0, as the plan's "
            f"weeks start at its start, so {agree(len(early), 'its', 'their')} variance against it is not the "
            "file's: " + some(names),
        )
    for did, week in helpers.items():  # a linked summary's milestones: its own baseline start and finish
        entries[did] = BaselineEntry(start=round(max(0.0, week), 5), finish=round(max(0.0, week), 5))
    finish = outline.baseline_finish
    finish = max(e.finish for e in entries.values()) if finish is None or finish < 0 else round(finish, 5)
    plan.baselines = [Baseline(name=outline.baseline_name, finish=finish, decisions=entries)]
    day = week_to_date(plan.start_date, finish) if plan.start_date else None
    missing = sum(1 for did in source_rows if did not in entries)
    report.add(
        "baseline",
        f"the file's baseline is the plan's baseline {quoted(outline.baseline_name)} ({count(tasks, 'task')}, finish "
        f"week {format_weeks(finish)}{f' ({format_date(day)})' if day else ''})"
        + (f"; {count(missing, 'task')} {agree(missing, 'has', 'have')} none" if missing else "")
        + "; its stage gates are not known",
    )


def _inside(parent: list[int | None], i: int, summary: int) -> bool:
    """Whether task ``i`` sits (at any depth) inside task ``summary``."""
    up = parent[i]
    while up is not None:
        if up == summary:
            return True
        up = parent[up]
    return False


def compare_finish(
    plan: Plan,
    source_finish: float | None,
    report: ImportReport,
    whole_day: float = 0.0,
    *,
    full_durations: bool = True,
    not_yet: list[str] | None = None,
) -> None:
    """Say so when the imported plan does not finish where the file does (``source_finish``, weeks from the plan
    start) as ``planner analyze`` schedules it (the remaining work under the recorded progress), so the difference is
    never silent. ``whole_day`` (weeks) is the file's own grain: GanttProject keeps whole days, so a finish part way
    through a day is stored at the end of it (the planner's own .gan of work resumed at a status date finished 0.19
    weeks 'later' in the file, and the report blamed items it did not list). ``full_durations``: the file may
    schedule the full durations whatever the progress (the planner's own exports, GanttProject, trackers' tables);
    MS Project and P6 schedule the remaining work, so a finish only the full durations reach is a difference.
    ``not_yet``: the tasks not started that the file schedules before its status date (the plan starts them there)."""
    if source_finish is None or not plan.decisions:
        return
    from planner.analysis.graph import compile_plan
    from planner.analysis.progress import apply_progress
    from planner.analysis.schedule import ScheduleError, schedule

    def same(a: float, b: float) -> bool:
        """The same finish: within 0.01 weeks, or on the same day of the plan's calendar (actual dates are days)."""
        return (
            abs(a - b) <= 0.01
            or 0.0 <= b - a < whole_day - 1e-9
            or (
                plan.start_date is not None
                and week_to_date(plan.start_date, a) == week_to_date(plan.start_date, b)
            )
        )

    try:
        graph = compile_plan(plan, "likely")
        finish = schedule(plan, "likely", apply_progress(plan, graph)).finish
        if same(finish, source_finish):
            return
        # a file may schedule the full durations regardless of progress (the planner's own export does)
        if full_durations and same(schedule(plan, "likely", graph).finish, source_finish):
            return
    except (ScheduleError, ValueError, KeyError):
        return  # a cycle or a broken link: `planner check` names it

    def when(w: float) -> str:
        day = week_to_date(plan.start_date, max(0.0, w)) if plan.start_date else None
        return f"week {format_weeks(w)}" + (f" ({format_date(day)})" if day else "")

    why = (
        "; work in progress resumes at its actual start, as the plan has no status date"
        if plan.status_date is None
        and any(d.status is Status.IN_PROGRESS and d.actual_start is not None for d in plan.decisions)
        else ""
    )
    started = {d.id for d in plan.decisions if d.status is not Status.NOT_STARTED}
    if any(
        dep.from_ in started and dep.type in (DependencyType.SS, DependencyType.SF)
        for dep in plan.dependencies
    ):
        why += "; a start link from started work counts from where its remaining work starts"
    causes = [
        k
        for k in ("calendar", "constraint", "link", "lag", "duration")
        if any(i.kind == k for i in report.items)
    ]
    named = {
        "calendar": "calendars",
        "constraint": "constraints",
        "link": "links",
        "lag": "lags",
        "duration": "durations",
    }
    account = (
        f"the items above ({', '.join(named[k] for k in causes)}) account for the difference"
        if causes
        else "the file's own dates do not follow from its durations and links"
    )
    if not_yet:
        # the likeliest cause, first: work the file has done by the status date though not recorded as started
        account = (
            f"{count(len(not_yet), 'task')} not started {agree(len(not_yet), 'is', 'are')} scheduled before the "
            f"status date in the file ({some(quoted(n) for n in not_yet)}): the plan starts "
            f"{agree(len(not_yet), 'it', 'them')} at the status date"
            + (f"; the items above ({', '.join(named[k] for k in causes)}) may add to it" if causes else "")
        )
    elif why and not causes:
        account, why = why[2:], ""
    report.add(
        "schedule",
        f"the imported plan finishes at {when(finish)}, the file at {when(source_finish)}: {account}{why}",
    )
