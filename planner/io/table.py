"""One row per decision: the columns CSV and XLSX share, and turning rows into a plan and back.

Columns (header names are case-insensitive; order is free; only ``title`` or ``id`` is required)::

    id, title, stage, area, owner, optimistic, likely, pessimistic, headcount, cost, run_rate, cost_category,
    status, progress, not_before, actual_start, actual_finish, milestone, depends_on, tags, references, notes

``run_rate`` (running cost per week from the decision's finish) and ``cost_category`` (people, cloud, vendor, other)
are written only when the plan has any (:data:`MONEY_COLUMNS`); a blank category is ``other``.

``actual_start`` / ``actual_finish`` are an ISO date (YYYY-MM-DD) or weeks from the plan start (issue 16).

``duration`` may replace the three estimates (all equal). ``stage``, ``area`` and ``owner`` take a name or an id
(the export writes ids, so a round trip is exact); unknown names create a stage, area or team. ``depends_on`` lists predecessors, comma-separated, each
``ID [TYPE][+/-LAG]`` with the lag in weeks: ``value-case, gpu-quota SS+2, audit FF-1``. ``tags`` and
``references`` are separated by ``;``.

Formula injection (OWASP): every *text* cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is written with a leading ``'`` so a spreadsheet shows it as text; a text cell that already starts with ``'``
followed by one of those gets a second one. Reading removes exactly one such quote, so a round trip is exact.
Numbers (a negative lag, a cost) stay numbers.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import datetime as dt
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from planner.analysis.progress import to_week
from planner.io.common import (
    CURRENCY_SYMBOLS,
    EXTENSION_KEY,
    HELPER_TAG,
    IdMaker,
    ImportReport,
    InteropError,
    WorkCalendar,
    is_valid_id,
    num_text,
    quoted_cell,
    report_outside_links,
    slug,
    some,
)
from planner.io.outline import compare_finish, exact_actual, follow_linked_stages, match_named
from planner.io.templates import is_period_planner, period_planner_table
from planner.io.todoist import is_todoist_header, todoist_table
from planner.model.plan import (
    Area,
    Baseline,
    BaselineEntry,
    CostCategory,
    Decision,
    Dependency,
    DependencyType,
    Plan,
    Stage,
    Status,
    Team,
    ThreePoint,
    duration_triple,
    new_plan,
)
from planner.units import agree, count, format_date, format_weeks, plural_weeks, quoted, week_to_date

_Sheet = TypeVar("_Sheet", bound=tuple[Any, ...])
"""A reader's rows of one sheet: (rows, whatever else it keeps of the sheet)."""

COLUMNS = [
    "id",
    "title",
    "stage",
    "area",
    "owner",
    "optimistic",
    "likely",
    "pessimistic",
    "headcount",
    "cost",
    "run_rate",
    "cost_category",
    "status",
    "progress",
    "not_before",
    "actual_start",
    "actual_finish",
    "milestone",
    "depends_on",
    "tags",
    "references",
    "notes",
]
MONEY = {"cost", "run_rate"}
"""Columns of money: read as a cost cell is typed (a currency, digit grouping)."""
NUMERIC = {"optimistic", "likely", "pessimistic", "headcount", *MONEY, "progress", "not_before", "duration"}
MONEY_COLUMNS = ("run_rate", "cost_category")
"""Columns the export writes only when a decision has a value other than the default (a run rate, a category
other than ``other``): a plan without them exports the columns it always did."""
SCHEDULE_COLUMNS = ("scheduled_start", "scheduled_finish")
"""What the export adds for the reader: each decision's start and finish as ``planner analyze`` schedules them (ISO
dates; weeks without a start date). Computed, so an import reads past them."""
PLAN_COLUMNS = ("plan_start_date", "status_date", "plan_currency")
"""The plan's start date, status date and currency (its ISO code: the cost cells are bare numbers, which other tools
read as amounts), in every row of an export (a table has no other place for them); an import takes the first row's.
``plan_currency`` is written only when the plan has a currency."""
_HEADERS = {
    "optimistic": "optimistic (weeks)",
    "likely": "likely (weeks)",
    "pessimistic": "pessimistic (weeks)",
    "not_before": "not_before (weeks)",
    "run_rate": "run_rate (per week)",
}
"""The export's header for a column whose cells are weeks (or money per week): the unit in the header keeps the cells numbers that a
spreadsheet sums and sorts. An import reads either name."""
_ALIASES = {
    "name": "title",
    "task": "title",
    "predecessors": "depends_on",
    # a row's dates under another name (a PMO sheet's, TeamGantt's, Zoho's planned dates; a tracker's times)
    "planned start": "start",
    "planned start date": "start",
    "start time": "start",
    "planned finish": "finish",
    "planned finish date": "finish",
    "planned end": "finish",
    "planned end date": "finish",
    "end time": "finish",
    # a consultant's roadmap sheet: its phases are the plan's stages (ordered, gated), its workstreams the areas
    "phase": "stage",
    "phase name": "stage",
    "workstream": "area",
    "work stream": "area",
    "precursors": "depends_on",  # TaskJuggler's CSV reports
    "depends on": "depends_on",
    "dependencies": "depends_on",
    "not before": "not_before",
    "actual start": "actual_start",
    "actual finish": "actual_finish",
    "team": "owner",
    "task name": "title",
    "assigned to": "owner",
    "assign to": "owner",  # Teamwork's task import and export
    "assigned": "owner",
    "assignee": "owner",
    "resource names": "owner",
    "baseline start": "baseline_start",
    "baseline finish": "baseline_finish",
    "baseline end": "baseline_finish",
    "baseline end date": "baseline_finish",
    "baseline start date": "baseline_start",
    "baseline finish date": "baseline_finish",
    "budget": "cost",
    "planned cost": "cost",
    "budget cost": "cost",
    # the running cost per week from a decision's finish (the plan's run_rate; the export's "run_rate (per week)")
    "run_rate (per week)": "run_rate",
    "run rate (per week)": "run_rate",
    "run rate per week": "run_rate",
    "running cost per week": "run_rate",
    "running cost (per week)": "run_rate",
    "weekly running cost": "run_rate",
    "% complete": "progress",
    "%": "progress",
    "percent complete": "progress",
    "% done": "progress",
    "predecessor": "depends_on",
    "completion": "progress",  # GanttProject's CSV; a column of something else is ignored (_guessed_columns)
    "duration (weeks)": "duration",
    "likely (weeks)": "likely",
    "optimistic (weeks)": "optimistic",
    "pessimistic (weeks)": "pessimistic",
    "not_before (weeks)": "not_before",
    "not before (weeks)": "not_before",
    # trackers' exports: Jira ("Issue key", "Inward issue link (Blocks)": the issues that block this one, a
    # column repeated once per link), Asana ("Task ID", "Blocked By (Dependencies)", "Completed At")
    "issue key": "id",
    "task id": "id",
    "task number": "id",  # Project for the web's export ("Dependent on" names it)
    "key": "id",  # Wrike's Excel export (its "Dependency" and "Parent Task" cells name it)
    "project task id": "id",  # FusionForge's "project_task_id" (its links name it: see _numbered_links)
    "inward issue link (blocks)": "depends_on",
    "blocked by (dependencies)": "depends_on",
    "blocked by": "depends_on",
    # their twins name the successors ("this issue blocks AI-3"): read reversed, as links to those rows
    "outward issue link (blocks)": "blocks",
    "blocking (dependencies)": "blocks",
    "blocking": "blocks",
    "completed at": "actual_finish",
    # trackers' closing dates: Jira's "Resolved", Redmine's "Closed", Azure DevOps' "Closed Date" (a done row's
    # actual finish; a row not done keeps its closing date of before it was reopened, not carried)
    "resolved": "actual_finish",
    "closed": "actual_finish",
    "closed date": "actual_finish",
    "resolution date": "actual_finish",  # Jira's data pipeline export ("resolution_date", ISO)
    "original estimate": "duration",
    "estimated time": "duration",
    # Microsoft Planner's "Export plan to Excel" ("Bucket Name", "Progress" in words, "Labels", "Completed Date"),
    # monday.com boards ("Person", "Timeline", "Dependency", and a group per table: the "group" column the import
    # makes of them), ClickUp ("Assignees" as a list, "Task Content", "Time Estimated" in milliseconds, "List Name",
    # "Parent ID"), Wrike ("Dependency"). A bucket, group, list or section is a grouping: see GROUPING
    "bucket name": "grouping",
    "bucket": "grouping",
    "folder": "grouping",  # (Wrike's folder rows become one: see _folder_rows)
    "group": "grouping",
    "list name": "grouping",
    "module name": "grouping",
    "epic": "grouping",  # Shortcut's stories name their epic  # Plane's modules (a feature's or a workstream's issues; its cycles are sprints)
    "section/column": "grouping",  # Asana
    "section": "grouping",
    "labels": "tags",
    "description": "notes",
    "task content": "notes",
    "completed date": "actual_finish",
    "date closed": "actual_finish",  # ClickUp
    "person": "owner",
    "people": "owner",
    "assignees": "owner",
    "dependency": "depends_on",
    "dependent on": "depends_on",
    "time estimated": "duration",
    "time estimate": "duration",
    # a table typed in German or French, or saved as CSV by a German or French MS Project: its column names
    "vorgangsname": "title",
    "vorgang": "title",
    "aufgabe": "title",
    "nom de la tâche": "title",
    "nom": "title",
    "tâche": "title",
    "nr.": "id",
    "nr": "id",
    "n°": "id",
    "dauer": "duration",
    "durée": "duration",
    "anfang": "start",
    "beginn": "start",
    "début": "start",
    "ende": "finish",
    "fin": "finish",
    "vorgänger": "depends_on",
    "prédécesseurs": "depends_on",
    "prédécesseur": "depends_on",
    "% abgeschlossen": "progress",
    "% fertig": "progress",
    "fertig": "progress",  # a typed German sheet's "Fertig" column of percentages ("100%", "50%")
    "fortschritt": "progress",
    "fortschritt (%)": "progress",
    "avancement": "progress",
    "% avancement": "progress",
    "zuständig": "owner",
    "% achevé": "progress",
    "% terminé": "progress",
    "meilenstein": "milestone",
    "jalon": "milestone",
    "ressourcennamen": "owner",
    "noms ressources": "owner",
    "noms des ressources": "owner",
    "verantwortlich": "owner",
    "responsable": "owner",
    "kosten": "cost",
    "coût": "cost",
    "notizen": "notes",
    "statut": "status",
    "aktueller anfang": "actual_start",
    "aktuelles ende": "actual_finish",
    "début réel": "actual_start",
    "fin réelle": "actual_finish",
    "geplanter anfang": "baseline_start",
    "geplantes ende": "baseline_finish",
    "début planifié": "baseline_start",
    "fin planifiée": "baseline_finish",
    "gliederungsebene": "outline level",
    # Redmine's issue CSV in German and French (its de.yml and fr.yml field names; "Thema"/"Sujet" its subject:
    # see _STAND_INS)
    "thema": "title", "sujet": "title", "zugewiesen an": "owner", "assigné à": "owner", "% erledigt": "progress", "% réalisé": "progress",
    "geschätzter aufwand": "duration", "temps estimé": "duration", "geschlossen": "actual_finish",
    "fermé": "actual_finish",
    "niveau hiérarchique": "outline level",
    # Spanish, Italian, Portuguese and Dutch: MS Project's column names in those languages, and a typed table's
    "nombre de tarea": "title", "tarea": "title", "actividad": "title", "duración": "duration",
    "comienzo": "start", "fecha de inicio": "start", "fecha inicio": "start", "inicio": "start",
    "fecha de fin": "finish", "fecha fin": "finish", "predecesoras": "depends_on", "dependencias": "depends_on",
    "% completado": "progress", "nombres de los recursos": "owner", "recursos": "owner", "hito": "milestone",
    "estado": "status", "notas": "notes", "costo": "cost", "coste": "cost", "nivel de esquema": "outline level",
    "nome attività": "title", "attività": "title", "durata": "duration", "inizio": "start", "data inizio": "start",
    "data di inizio": "start", "fine": "finish", "data fine": "finish", "data di fine": "finish",
    "predecessori": "depends_on", "dipendenze": "depends_on", "% completamento": "progress",
    "nomi risorse": "owner", "responsabile": "owner", "cardine": "milestone", "stato": "status", "note": "notes",
    "costo totale": "cost", "livello struttura": "outline level",
    "nome da tarefa": "title", "tarefa": "title", "atividade": "title", "duração": "duration", "início": "start",
    "data de início": "start", "término": "finish", "data de término": "finish", "data de fim": "finish",
    "predecessoras": "depends_on", "dependências": "depends_on", "% concluída": "progress",
    "% concluído": "progress", "nomes dos recursos": "owner", "responsável": "owner", "marco": "milestone",
    "situação": "status", "custo": "cost", "nível da estrutura de tópicos": "outline level",
    "taaknaam": "title", "taak": "title", "activiteit": "title", "duur": "duration", "startdatum": "start",
    "begindatum": "start", "voltooiing": "finish", "einddatum": "finish", "voorgangers": "depends_on",
    "afhankelijkheden": "depends_on", "% voltooid": "progress", "resourcenamen": "owner", "eigenaar": "owner",
    "verantwoordelijke": "owner", "mijlpaal": "milestone", "opmerkingen": "notes",
    "overzichtsniveau": "outline level",
    # Japanese, Chinese (simplified) and Korean: MS Project's column names in those languages
    "タスク名": "title", "期間": "duration", "開始日": "start", "終了日": "finish", "先行タスク": "depends_on",
    "達成率": "progress", "リソース名": "owner", "マイルストーン": "milestone",
    "任务名称": "title", "工期": "duration", "开始时间": "start", "完成时间": "finish", "前置任务": "depends_on",
    "完成百分比": "progress", "资源名称": "owner", "里程碑": "milestone",
    "작업 이름": "title", "기간": "duration", "시작": "start", "완료": "finish", "선행 작업": "depends_on",
    "완료율": "progress", "리소스 이름": "owner", "마일스톤": "milestone",
    # Redmine's issue CSV ("#", "Subject", "Estimated time" in hours, "Related issues": see RELATIONS), Azure
    # DevOps' query results ("State", "Target Date", "Area Path", "Successor" links; "Title 1", "Title 2"...: see
    # _work_items), Linear ("Started", "Completed" timestamps, "Parent issue"), Notion ("Assign", "Dates"),
    # GitHub Projects ("Target date"), MS Project's "Successors": links given by their predecessor, as Blocks
    "#": "id",
    "subject": "title",
    "state": "status",
    "area path": "area",
    "successor": "blocks",
    "successors": "blocks",
    "follows": "depends_on",  # OpenProject's relation columns: the work packages this one follows ('#13')
    "precedes": "blocks",
    "started": "actual_start",
    "started at": "actual_start",
    "completed": "actual_finish",
    "assign": "owner",
    # Trello's CSV (a power-up's: "Card Name", "List Name", "Members"), Teamwork's and Zoho's task lists, YouTrack's
    # "Estimation" ("1w 2d")
    "card name": "title",
    "card id": "id",
    "card description": "notes",  # Trello's CSV export (and its JSON export, read as that: planner.io.trello)
    "estimate (weeks)": "duration",
    "estimated duration (weeks)": "duration",
    "members": "owner",
    "task list": "grouping",
    "tasklist": "grouping",
    "estimation": "duration",
    # Bugzilla's buglist CSV (its field names: bug_id, short_desc, bug_status, assigned_to, estimated_time in
    # hours, percentage_complete, deadline; dependson and blocked: see _bugzilla_columns)
    "bug id": "id",
    "short desc": "title",
    "bug status": "status",
    "percentage complete": "progress",
    # Rally's grid export ("Formatted ID" US101, "Schedule State", "In Progress Date", "Accepted Date"; its "Plan
    # Estimate" is points, not time)
    "formatted id": "id",
    "schedule state": "status",
    "in progress date": "actual_start",
    "accepted date": "actual_finish",
    # Zoho Projects ("Task Owner", "% Completed"), Vertex42's Gantt template ("LEAD", "% DONE", "WORK DAYS": see
    # header_unit), Basecamp's to-dos ("To-do", "Due on"), other trackers' progress columns
    "task owner": "owner",
    "lead": "owner",
    "% completed": "progress",
    "completion percentage": "progress",
    "percent done": "progress",
    "progress (%)": "progress",
    "to-do": "title",
    "work days": "duration",
    "workdays": "duration",
    "working days": "duration",
    # a PMO's or consultant's own sheet: the words people head their columns with
    "activity": "title", "activities": "title", "activity name": "title", "key activity": "title",
    "key activities": "title", "deliverable": "title", "work item": "title",
    "action item": "title", "task/milestone": "title", "task / milestone": "title", "milestone/task": "title",
    "work package": "grouping",
    "responsible": "owner", "responsible person": "owner", "owners": "owner",
    "accountable": "owner", "duration (wks)": "duration", "duration (wk)": "duration", "est. duration": "duration",
    "estimated duration": "duration", "depends on (id)": "depends_on", "depends on (ids)": "depends_on",
    "predecessor id": "depends_on", "predecessor ids": "depends_on", "progress %": "progress",
    "% progress": "progress", "completion %": "progress", "% completion": "progress", "percent": "progress",
    "target start": "start", "target start date": "start", "forecast start": "start",
    "target end": "finish", "target end date": "finish", "forecast finish": "finish", "forecast end": "finish",
}  # fmt: skip
STATUS_WORDS = {
    **dict.fromkeys(("to_do", "todo", "open", "new", "backlog", "planned", "pending", "not_yet_started"),
                    Status.NOT_STARTED),
    **dict.fromkeys(("started", "active", "ongoing", "in_review", "doing", "wip"), Status.IN_PROGRESS),
    **dict.fromkeys(("complete", "completed", "closed", "resolved", "finished"), Status.DONE),
    **dict.fromkeys(("on_hold", "waiting", "stalled", "stuck", "deferred"), Status.BLOCKED),
    "working_on_it": Status.IN_PROGRESS,  # monday.com's default status labels: Working on it, Stuck, Done
    # German and French
    **dict.fromkeys(("offen", "nicht_begonnen", "geplant", "à_faire", "a_faire", "non_commencé", "non_commencée",
                     "planifié", "planifiée"), Status.NOT_STARTED),
    **dict.fromkeys(("in_bearbeitung", "begonnen", "läuft", "en_cours"), Status.IN_PROGRESS),
    **dict.fromkeys(("erledigt", "abgeschlossen", "fertig", "terminé", "terminée", "achevé", "achevée"), Status.DONE),
    **dict.fromkeys(("blockiert", "wartend", "bloqué", "bloquée", "en_attente"), Status.BLOCKED),
    # Redmine's default statuses in German and French (New, Resolved, Closed)
    "neu": Status.NOT_STARTED, "nouveau": Status.NOT_STARTED, "nouvelle": Status.NOT_STARTED,
    **dict.fromkeys(("gelöst", "résolu", "résolue", "fermé", "fermée"), Status.DONE),
    # Spanish, Italian, Portuguese, Dutch
    **dict.fromkeys(("pendiente", "no_iniciada", "no_iniciado", "por_hacer", "da_fare", "non_iniziata",
                     "non_iniziato", "não_iniciada", "não_iniciado", "a_fazer", "pendente", "niet_gestart",
                     "te_doen", "gepland"), Status.NOT_STARTED),
    **dict.fromkeys(("en_curso", "en_progreso", "in_corso", "em_andamento", "em_progresso", "bezig",
                     "in_uitvoering", "onderhanden"), Status.IN_PROGRESS),
    **dict.fromkeys(("completada", "completado", "terminada", "terminado", "hecho", "completata", "completato",
                     "concluída", "concluído", "concluida", "feito", "voltooid", "gereed", "klaar", "afgerond"),
                    Status.DONE),
    **dict.fromkeys(("bloqueada", "bloqueado", "bloccata", "bloccato", "geblokkeerd", "in_attesa"),
                    Status.BLOCKED),
    # Azure DevOps (Scrum's Committed, CMMI's Proposed), Redmine's and OpenProject's words
    "committed": Status.IN_PROGRESS, "proposed": Status.NOT_STARTED, "approved": Status.NOT_STARTED,
    "fixed": Status.DONE, "verified": Status.DONE, "submitted": Status.NOT_STARTED,  # YouTrack's
    "in_specification": Status.NOT_STARTED, "scheduled": Status.NOT_STARTED, "to_be_scheduled": Status.NOT_STARTED,
    # Shortcut's default workflow (Unscheduled, Ready for Development, In Development, Ready for Review, Ready for
    # Deploy, Completed; its API's 'unstarted' state type)
    **dict.fromkeys(("unscheduled", "unstarted", "ready_for_development"), Status.NOT_STARTED),
    **dict.fromkeys(("in_development", "ready_for_review", "ready_for_deploy"), Status.IN_PROGRESS),
    # Bugzilla's (NEW, ASSIGNED, REOPENED, RESOLVED, VERIFIED, CLOSED; UNCONFIRMED and CONFIRMED since 4.0)
    **dict.fromkeys(("unconfirmed", "confirmed", "reopened"), Status.NOT_STARTED), "assigned": Status.IN_PROGRESS,
    # MantisBT's (new, feedback: waiting on the reporter, acknowledged, confirmed, assigned, resolved, closed)
    "acknowledged": Status.NOT_STARTED, "feedback": Status.BLOCKED,
    # Pivotal Tracker's story states (finished is done, as in every other tool: its work is; delivered awaits
    # acceptance, a rejected story is reworked)
    "accepted": Status.DONE, **dict.fromkeys(("delivered", "rejected"), Status.IN_PROGRESS),
    "defined": Status.NOT_STARTED,  # Rally's schedule states: Defined, In-Progress, Completed, Accepted
}  # fmt: skip
"""Status words of Jira, Smartsheet, MS Project, monday.com and Wrike exports (lower case, spaces as ``_``) -> the
plan's status. A word none of them uses (a team's own 'In review') is reported and the row's progress decides."""
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
# Units of time as project tools write them ("5 days", "2w", "1 wk", "16 hrs", "3 edays", "1 mo"): how many make a week.
# Working time: 5 days, 40 hours a week, a month 4 weeks (MS Project's defaults); "e" is elapsed (calendar) time.
_UNITS = {  # units per week: weeks = number / units per week (a division keeps 3 days exactly 0.6)
    "w": 1.0, "wk": 1.0, "wks": 1.0, "week": 1.0, "weeks": 1.0,
    "d": 5.0, "day": 5.0, "days": 5.0,
    "h": 40.0, "hr": 40.0, "hrs": 40.0, "hour": 40.0, "hours": 40.0,
    "mo": 0.25, "mon": 0.25, "mons": 0.25, "month": 0.25, "months": 0.25,
    "ew": 1.0, "ewk": 1.0, "ewks": 1.0, "eweek": 1.0, "eweeks": 1.0,
    "ed": 7.0, "eday": 7.0, "edays": 7.0,
    "eh": 168.0, "ehr": 168.0, "ehrs": 168.0, "ehour": 168.0, "ehours": 168.0,
    "sec": 144000.0, "secs": 144000.0, "second": 144000.0, "seconds": 144000.0,  # Jira's estimates
    "ms": 144_000_000.0, "milliseconds": 144_000_000.0,  # ClickUp's "Time Estimated"
    "min": 2400.0, "mins": 2400.0, "minute": 2400.0, "minutes": 2400.0,  # (a bare "m": see span_weeks)
    # German and French (MS Project's "10 Tage", "2,5 jours", "1 Woche", "16 Std.")
    "t": 5.0, "tag": 5.0, "tage": 5.0, "j": 5.0, "jour": 5.0, "jours": 5.0,
    "wo": 1.0, "woche": 1.0, "wochen": 1.0, "sem": 1.0, "semaine": 1.0, "semaines": 1.0,
    "std": 40.0, "stunde": 40.0, "stunden": 40.0, "heure": 40.0, "heures": 40.0,
    "monat": 0.25, "monate": 0.25, "mois": 0.25,
    # spreadsheet users' words: "3 wks", "10 business days", "1.5 mo", "2 bd"; "calendar days" are elapsed
    "business day": 5.0, "business days": 5.0, "working day": 5.0, "working days": 5.0, "work day": 5.0,
    "work days": 5.0, "workday": 5.0, "workdays": 5.0, "bd": 5.0, "wd": 5.0,
    "calendar day": 7.0, "calendar days": 7.0, "mth": 0.25, "mths": 0.25,
    # Spanish, Italian, Portuguese and Dutch (MS Project's "5 días", "5 g", "5 dias", "5 dagen")
    "día": 5.0, "días": 5.0, "dia": 5.0, "dias": 5.0, "g": 5.0, "gg": 5.0, "giorno": 5.0, "giorni": 5.0,
    "dag": 5.0, "dagen": 5.0, "semana": 1.0, "semanas": 1.0, "sett": 1.0, "settimana": 1.0, "settimane": 1.0,
    "weken": 1.0, "hora": 40.0, "horas": 40.0, "ora": 40.0, "ore": 40.0,
    "uur": 40.0, "uren": 40.0, "u": 40.0, "mes": 0.25, "meses": 0.25, "mese": 0.25, "mesi": 0.25,
    "maand": 0.25, "maanden": 0.25,
    # Japanese, Chinese and Korean (MS Project's "5 日", "5 个工作日", "5일"; "1 週", "1 周", "1주"; "8 時間")
    "日": 5.0, "天": 5.0, "工作日": 5.0, "个工作日": 5.0, "일": 5.0, "週": 1.0, "周": 1.0, "週間": 1.0, "주": 1.0,
    "時間": 40.0, "小时": 40.0, "小時": 40.0, "시간": 40.0,
}  # fmt: skip
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_SPAN = re.compile(
    rf"^(?P<num>[+-]?\s*\d+(?:[.,]\d*)?(?:e[+-]?\d+)?)\s*(?:(?P<unit>{_UNIT})\.?)?\s*\??$", re.IGNORECASE
)
_SPAN_PART = re.compile(rf"(\d+(?:[.,]\d+)?)\s*({_UNIT})\.?(?![^\W\d_])\s*,?\s*", re.IGNORECASE)
_LAG = rf"[+-]\s*\d+(?:[.,]\d*)?(?:e[+-]?\d+)?(?:\s*(?:(?:{_UNIT})\.?|%))?"
_DEP = re.compile(
    rf"^(?P<id>\S+?)(?:\s+(?P<type>FS|SS|FF|SF)\s*(?P<lag1>{_LAG})?|\s+(?P<lag2>{_LAG}))?$", re.IGNORECASE
)
_LINK_TYPES = {
    "EA": "FS", "AA": "SS", "EE": "FF", "AE": "SF", "FD": "FS", "DD": "SS", "DF": "SF",
    "FC": "FS", "CC": "SS", "CF": "SF",  # Spanish: fin-comienzo, comienzo-comienzo, comienzo-fin (FF: fin-fin)
    "FI": "FS", "II": "SS", "IF": "SF",  # Italian: fine-inizio, inizio-inizio, inizio-fine; Portuguese II: início
    "TI": "FS", "TT": "FF", "IT": "SF",  # Portuguese: término-início, término-término, início-término
    "EB": "FS", "BB": "SS", "BE": "SF",  # Dutch: einde-begin, begin-begin, begin-einde (EE: einde-einde)
}  # fmt: skip
"""A German MS Project's link types (Ende-Anfang, Anfang-Anfang, ...), a French one's (fin-début, début-début,
début-fin; FF is fin-fin), and a Spanish, Italian, Portuguese or Dutch one's: ``3EA+2 Tage``, ``4DD``, ``5FC+2
días``, ``6TI``, ``7EB``."""
# MS Project's and Smartsheet's own syntax: the row ID glued to the type, "3FS+2 days", "4SS", "5FF-1d"
_TOOL_DEP = re.compile(
    rf"^(?P<id>\d+)(?P<type>FS|SS|FF|SF|{'|'.join(_LINK_TYPES)})\s*(?P<lag1>{_LAG})?$", re.IGNORECASE
)
_ATTACHED_DEP = re.compile(
    rf"^(?P<id>.+?)(?P<type>FS|SS|FF|SF|{'|'.join(_LINK_TYPES)})\s*(?P<lag1>{_LAG})?$", re.IGNORECASE
)
"""``t1SS+50%``, ``AI-2FS+2d``: a link type (and lag) written right after an id that is not a row number, as
``2SS`` is after one; read so only when what comes before the type is one of the file's ids."""
_DECIMAL_LAG = re.compile(rf"([+-]\s*\d+),(\d+\s*(?:{_UNIT})\b)", re.IGNORECASE)


_MINUTES_M = re.compile(r"(\d+(?:[.,]\d+)?)\s*m(?![^\W\d_])", re.IGNORECASE)
_HOURS_PART = re.compile(r"\d\s*h(?![^\W\d_])", re.IGNORECASE)
_CLOCK = re.compile(r"^(\d{1,12}):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$")
"""A span as hours and minutes (and seconds), as Airtable's duration field writes it: ``40:00``, ``1:30:00``."""


_FRACTIONS = {"\u00bd": 0.5, "\u00bc": 0.25, "\u00be": 0.75, "\u2153": 1 / 3, "\u2154": 2 / 3}
_FRACTION = re.compile(r"(\d*)\s*([\u00bd\u00bc\u00be\u2153\u2154])")
_APPROX = re.compile(
    r"^(?:~|\u2248|\u223c|ca\.?|approx\.?|approximately|about|around|circa|c\.|etwa|env\.?|environ)\s*"
    r"|\s*(?:\(?\s*(?:est\.?|estimated|approx\.?|geschätzt)\s*\)?)$",
    re.IGNORECASE,
)
"""How people mark a duration as a guess: '~3 days', 'ca. 2 Wochen', 'approx 1w', '3 days (est)'; read as the
number (MS Project's '3d?' is read so too)."""


def _plain_span(text: str) -> str:
    """``text`` without the marks of a guess (:data:`_APPROX`) and with a vulgar fraction as a decimal ('1½ days'
    -> '1.5 days')."""
    text = _APPROX.sub("", text.strip()).strip()
    return _FRACTION.sub(
        lambda m: f"{(int(m.group(1)) if m.group(1) else 0) + _FRACTIONS[m.group(2)]:g}", text
    )


_RANGE_SPAN = re.compile(
    rf"^(?P<a>\d+(?:[.,]\d+)?)\s*(?:(?P<ua>{_UNIT})\.?)?\s*(?:-|\u2013|\u2014|to|bis|à|a)\s*"
    rf"(?P<b>\d+(?:[.,]\d+)?)\s*(?:(?P<ub>{_UNIT})\.?)?\s*\??$",
    re.IGNORECASE,
)


def range_span(text: str, unit: str | None = None) -> tuple[str, str] | None:
    """The two ends of a duration given as a range ('3-5 days', '2 to 3 wks', '1w-2w'), each with its unit (the
    other end's, else ``unit``: a 'Duration (days)' column's), or None when ``text`` is not one or runs backwards."""
    m = _RANGE_SPAN.match(_plain_span(text))
    if m is None:
        return None
    a, b = (x.replace(",", ".") for x in m.group("a", "b"))
    ua, ub = m.group("ua") or m.group("ub") or unit or "", m.group("ub") or m.group("ua") or unit or ""
    low, high = f"{a} {ua}".strip(), f"{b} {ub}".strip()
    lo, hi = span_weeks(low), span_weeks(high)
    return (low, high) if lo is not None and hi is not None and lo <= hi else None


UNSET_SPANS = {"tbd", "tbc", "?", "??", "n/a", "na", "-", "\u2013", "\u2014", "unknown", "offen", "k.a."}
"""What people type in a duration cell nobody has estimated yet: read as an empty cell (the row gets the import's
default duration), and said."""


def span_weeks(text: str) -> float | None:
    """Weeks in a span with an optional unit ("2", "1.5 weeks", "5 days", "3d?", "16 hrs", "~3 days", "1½ d");
    None when it is not one. A bare number is weeks. An "m" is minutes only after hours, as Jira's and YouTrack's
    time tracking write them ("1h 30m", "1w 2d 4h 30m"): alone ("3m") it may be months, and is not read."""
    text = _plain_span(text)
    if (clock := _CLOCK.match(text.strip())) is not None:  # Airtable's duration field: "40:00" is 40 hours
        hours, minutes, seconds = clock.groups()
        return (int(hours) + int(minutes) / 60 + float(seconds or 0) / 3600) / _UNITS["h"]
    if _HOURS_PART.search(text):
        text = _MINUTES_M.sub(r"\1min", text)
    m = _SPAN.match(text.strip())
    if not m:
        parts = _SPAN_PART.findall(text)
        if len(parts) < 2 or _SPAN_PART.sub("", text).strip():
            return None
        # "1w 2d 4h" (YouTrack's and Jira's time tracking), "2 weeks 3 days": the sum of its parts
        return sum(float(n.replace(",", ".")) / _UNITS[u.lower()] for n, u in parts)
    number = float(m.group("num").replace(" ", "").replace(",", "."))
    return number / _UNITS[(m.group("unit") or "w").lower()]


def neutralise(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula."""
    if text.startswith(_DANGEROUS) or (text.startswith("'") and text[1:2] and text[1] in "=+-@\t\r'"):
        return "'" + text
    return text


def restore(text: str) -> str:
    """Undo :func:`neutralise` (one leading quote before a dangerous character)."""
    if text.startswith("'") and text[1:2] and text[1] in "=+-@\t\r'":
        return text[1:]
    return text


def format_depends(deps: Iterable[Dependency]) -> str:
    """``a, b SS+2w, c FF-1w`` (lags in weeks, exact)."""
    parts = []
    for dep in deps:
        text = dep.from_
        if dep.type != DependencyType.FS or dep.lag:
            text += f" {dep.type}"
            if dep.lag:  # with its unit, as Smartsheet and MS Project write lags ("SS+2w")
                text += ("+" if dep.lag > 0 else "-") + num_text(abs(dep.lag)) + "w"
        parts.append(text)
    return ", ".join(parts)


_TJ_DEP = re.compile(r"\((?P<id>[^()]+)\)\s*(?P<a>[\[\]])->(?P<b>[\[\]])")
_TJ_TYPES = {
    "][": DependencyType.FS,
    "[[": DependencyType.SS,
    "]]": DependencyType.FF,
    "[]": DependencyType.SF,
}


class PercentLag(float):
    """A lag given as a percentage of the predecessor's duration (MS Project's ``2FS+50%``): the number is the
    percentage; the importer scales it once it knows the predecessor."""


_PAGE_LINK = re.compile(r"\s*\((?:https?://|www\.)[^()\s]*\)")


def parse_depends(
    text: str, known: set[str] | None = None, titles: set[str] | None = None
) -> list[tuple[str, DependencyType, float]]:
    """The predecessors in a ``depends_on`` cell. Raises ValueError naming the item it cannot read.

    ``2SS+5 days`` (MS Project's and Smartsheet's syntax) is row 2, start-to-start, unless ``known`` (the file's
    ids) has an id ``2SS+5``-like item itself: a plan id such as ``12ss`` stays that id. An item that is one of
    ``titles`` (casefolded) whole is that row, finish-to-start (monday.com's "Dependency" names items: "Build
    pilot")."""
    out: list[tuple[str, DependencyType, float]] = []
    text = _PAGE_LINK.sub(
        "", text
    )  # Notion's relations: "Define scope (https://www.notion.so/Define-scope-0a1b...)"
    if "->" in text and (found := list(_TJ_DEP.finditer(text))):
        # TaskJuggler's "Precursors": "Name (id) ]->[ 2027-01-15, ..." (names may hold commas; the brackets give
        # the type: ] the predecessor's end, [ its start, then the successor's)
        return [(m.group("id").strip(), _TJ_TYPES[m.group("a") + m.group("b")], 0.0) for m in found]
    # items are separated by commas, or by semicolons where the comma is the decimal sign (German and French MS
    # Project: "2;3EA+2,5 Tage"); a lag's decimal comma before its unit is one either way ("1EA+2,5 Tage")
    text = _DECIMAL_LAG.sub(r"\1.\2", text)
    for item in (x.strip() for x in text.split(";" if ";" in text else ",")):
        if not item:
            continue
        if titles is not None and (
            (item.casefold() in titles and (known is None or item not in known))
            or (" " in item and not re.search(r"[+\-]|\b(?:FS|SS|FF|SF)\b", item, re.IGNORECASE))
        ):
            # a row's title, or words that can only be one (an item the export left out): reported if none
            out.append((item, DependencyType.FS, 0.0))
            continue
        own = _DEP.match(item)
        attached = _ATTACHED_DEP.match(item) if known else None
        if own and known is not None and own.group("id") in known:
            m: re.Match[str] | None = own
        elif attached and known is not None and attached.group("id") in known and not _TOOL_DEP.match(item):
            m = attached  # an id of the file with its link type attached: "t1SS+50%"
        else:
            m = _TOOL_DEP.match(item) or own
        if not m:
            raise ValueError(
                f"cannot read {quoted(item)}; write ID, ID SS, ID FS+2 or ID FF-1 (lag in weeks, or with a unit: "
                "+3d, +1w)"
            )
        lag_text = (m.group("lag1") or m.groupdict().get("lag2") or "0").replace(" ", "")
        lag = PercentLag(float(lag_text[:-1])) if lag_text.endswith("%") else span_weeks(lag_text)
        if lag is None:
            raise ValueError(f"cannot read the lag of {quoted(item)}")
        kind = (m.group("type") or "FS").upper()
        out.append((m.group("id"), DependencyType(_LINK_TYPES.get(kind, kind)), lag))
    return out


def _actual_cell(value: dt.date | float | None) -> Any:
    """An actual date as a cell: ISO text for a date, the number for weeks, empty for none."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else value


MAX_WEEKS = 10_000
"""The most weeks an actual date may be given as (the plan model's bound); a larger number in an actual-date column
is a spreadsheet serial day number (a date cell formatted as a number: 46391 is 2027-01-04)."""
_SERIAL_EPOCH = dt.date(
    1899, 12, 30
)  # Excel's and LibreOffice's day 0 (1900 date system, as both write .xlsx/.csv)


def _actual_value(
    cell: Any, column: str, where: str, path: Any, report: ImportReport | None = None
) -> dt.date | float | None:
    """An ``actual_start`` / ``actual_finish`` cell: a date (text YYYY-MM-DD or a spreadsheet date) or weeks; a
    number above :data:`MAX_WEEKS` is a spreadsheet serial date (reported)."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    text = str(cell).strip()
    number: float | None = None
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        number = float(cell)
    else:
        with contextlib.suppress(ValueError):
            number = float(text)
    if number is not None and math.isfinite(number):
        if MAX_WEEKS < number < 2_958_466:  # 9999-12-31 is Excel's last serial day
            day = _SERIAL_EPOCH + dt.timedelta(days=int(number))
            if report is not None:
                report.add(
                    "format",
                    f"{column} {quoted_cell(cell)} is more weeks than a plan allows: read as a spreadsheet date ({day})",
                    where,
                )
            return day
        return number
    # ISO, or a day-first date with dots (what Excel writes for a German, Swiss, Nordic... locale): unambiguous
    written = _date_cell(text, ("%d.%m.%Y", "%d.%m.%y"))
    if written is None:
        raise InteropError(
            path,
            f"{where}: {column} {quoted(text)} is neither a date (YYYY-MM-DD) nor weeks",
            hint="write the date as YYYY-MM-DD or the weeks from the plan start as a number",
        )
    return written


def plan_rows(plan: Plan) -> tuple[list[str], list[list[Any]]]:
    """Header and rows for ``plan``: text cells neutralised, numbers as numbers, dates ISO. The columns are
    :data:`COLUMNS` (weeks columns named with their unit) with the schedule's start and finish after the owner and
    the plan's start and status dates last; of :data:`MONEY_COLUMNS`, those the plan uses."""
    from planner.io.exporting import export_schedule
    from planner.units import iso_date

    sched = export_schedule(plan)
    start = plan.start_date

    def when(week: float) -> str | float:
        text = iso_date(start, week)
        return text if text is not None else round(week, 6)

    status = plan.status_date
    plan_cells = [
        start.isoformat() if start else "",
        "" if status is None else status.isoformat() if isinstance(status, dt.date) else status,
        plan.currency or "",
    ]
    preds: dict[str, list[Dependency]] = {}
    for dep in plan.dependencies:
        preds.setdefault(dep.to, []).append(dep)
    rows: list[list[Any]] = []
    for i, d in enumerate(plan.decisions):
        o, lk, p = duration_triple(d.duration)
        began = sched.started[i]
        row: list[Any] = [
            d.id,
            d.title,
            d.stage,
            d.area or "",
            d.owner or "",
            when(sched.es[i] if began is None else began),
            when(sched.ef[i]),
            o,
            lk,
            p,
            d.headcount,
            "" if d.cost is None else d.cost,
            "" if d.run_rate is None else d.run_rate,
            str(d.cost_category),
            str(d.status),
            d.progress,
            "" if d.not_before is None else d.not_before,
            _actual_cell(d.actual_start),
            _actual_cell(d.actual_finish),
            "yes" if d.milestone else "",
            format_depends(preds.get(d.id, [])),
            "; ".join(d.tags),
            "; ".join(d.references),
            d.notes,
            *plan_cells,
        ]
        rows.append([neutralise(c) if isinstance(c, str) else c for c in row])
    header = [_HEADERS.get(c, c) for c in COLUMNS]
    header[5:5] = SCHEDULE_COLUMNS
    header = [*header, *PLAN_COLUMNS]
    unused = {
        header.index(_HEADERS.get(c, c))
        for c, used in zip(
            MONEY_COLUMNS,
            (
                any(d.run_rate is not None for d in plan.decisions),
                any(d.cost_category is not CostCategory.OTHER for d in plan.decisions),
            ),
            strict=True,
        )
        if not used
    }
    if not plan.currency:
        unused.add(header.index("plan_currency"))
    keep = [k for k in range(len(header)) if k not in unused]
    return [header[k] for k in keep], [[row[k] for k in keep] for row in rows]


_UNIT_HEADER = re.compile(
    r"^(?P<base>duration|likely|optimistic|pessimistic|most likely|baseline duration|work days|dauer|durée|"
    r"estimate|estimated duration)\s*"
    r"\(\s*(?P<unit>days?|d|hours?|hrs?|h|months?|mo|edays?|ed|tage?|t|wochen?|std|stunden?|jours?|j|semaines?|"
    r"heures?)\s*\)$"
)


def header_unit(h: Any) -> str | None:
    """The unit a duration column's header gives its bare numbers ("Duration (days)" -> "days"), or None."""
    key = re.sub(r"\s+", " ", str(h or "").strip().lower()).lstrip("\ufeff")
    if "_" in key and " " not in key:  # a snake_case export's name (Bugzilla's estimated_time)
        key = key.replace("_", " ")
    if key == "original estimate":  # Jira writes its estimates in seconds
        return "seconds"
    if key in ("time estimated", "time estimate"):  # ClickUp, in milliseconds
        return "milliseconds"
    if key in ("estimated time", "geschätzter aufwand", "temps estimé"):  # Redmine's, in hours ("40.00")
        return "hours"
    if (
        key == "estimation"
    ):  # YouTrack's period field: a bare number is its value in minutes ("1w 2d" as written)
        return "minutes"
    if key in ("work days", "workdays", "working days"):  # Vertex42's "WORK DAYS" (NETWORKDAYS of its dates)
        return "days"
    m = _UNIT_HEADER.match(key)
    return m.group("unit") if m else None


_PLURAL_MARK = re.compile(r"(?<=[a-z])\(s\)")


def _norm_header(h: Any) -> str:
    key = re.sub(r"\s+", " ", str(h or "").strip().lower()).lstrip("\ufeff")
    key = _PLURAL_MARK.sub("s", key)  # 'Owner(s)', 'Predecessor(s)': the plural's name
    if (custom := re.fullmatch(r"custom field \((.+)\)", key)) is not None:
        key = custom.group(1).strip()  # Jira's "Custom field (Start date)"
    m = _UNIT_HEADER.match(key)
    if m:  # "Duration (days)": a duration column whose bare numbers are days (see header_unit)
        key = {
            "most likely": "likely",
            "baseline duration": "duration",
            "work days": "duration",
            "dauer": "duration",
            "durée": "duration",
            "estimate": "duration",  # a tracker's time estimate with its unit: "Estimate (days)" (Pivotal's bare
            "estimated duration": "duration",  # "Estimate" is points, not time: not read)
        }.get(m.group("base"), m.group("base"))
    key = _ALIASES.get(key, key)
    if "_" in key and key not in COLUMNS and key not in _EXTRA_KEYS:
        # a snake_case export (an API's or a tool's: percent_complete, end_date, task_name) names what its words do
        spaced = key.replace("_", " ")
        if (
            spaced in _ALIASES
            or spaced in START_HEADERS
            or spaced in FINISH_HEADERS
            or spaced in TYPE_HEADERS
        ):
            key = _ALIASES.get(spaced, spaced)
    under = key.replace(" ", "_")
    return under if under in COLUMNS or under in _EXTRA_KEYS else key


BASELINE_COLUMNS = ("baseline_start", "baseline_finish")
"""Other tools' baseline dates (MS Project's Save as CSV with its Baseline table, Smartsheet): the plan's baseline."""
GROUPING = "grouping"
"""A tracker's grouping of its tasks (Planner's bucket, a monday.com group, ClickUp's list, Asana's section): the
stage when every group is named as one of the plan's stages (a planning user who names the buckets Validate,
Integrate... means the phases), otherwise the area, a workstream (stages are ordered phases with gates, which a
tracker's grouping does not give); a file's own stage or area column wins."""
BLOCKS = "blocks"
"""The successors a row names (Jira's "Outward issue link (Blocks)", Asana's "Blocking (Dependencies)"), in the
``depends_on`` syntax: each becomes a link from this row to that one."""
_EXTRA_KEYS = {"duration", BLOCKS, GROUPING, *SCHEDULE_COLUMNS, *PLAN_COLUMNS, *BASELINE_COLUMNS}
_OWN_EXPORT_KEYS = {*SCHEDULE_COLUMNS, *PLAN_COLUMNS}


HEADER_SEARCH_ROWS = 10
"""How many rows from the top may hold titles (a report name, a merged group header) above the header row."""


def names_a_header(cells: Sequence[Any]) -> bool:
    """True when ``cells`` read as a header row: one of them names the ``title`` or ``id`` column."""
    if is_todoist_header(cells) or is_period_planner(cells):
        return (
            True  # (their titles are "CONTENT" and "ACTIVITY": see planner.io.todoist, planner.io.templates)
        )
    keys = {_norm_header(c) for c in cells}
    # Jira's title is "Summary"; Azure DevOps' tree query gives it as "Title 1", "Title 2"... (see _work_items)
    return (
        "title" in keys or "id" in keys or "summary" in keys or any(_TITLE_LEVEL.fullmatch(k) for k in keys)
    )


def split_header(
    rows: Sequence[tuple[int, Sequence[Any]]], report: ImportReport
) -> tuple[Sequence[Any], list[tuple[int, Sequence[Any]]]]:
    """The header row and the rows after it. The header is the first of the top rows naming a ``title`` or ``id``
    column (spreadsheets often carry a title or a merged group header above it; skipping them is reported); when
    none does, the first row, so that :func:`rows_to_plan` says which columns are missing. A row that names three
    or more plan columns (Start, Finish, Owner...) above the row found is the header, which then lacks the title:
    a data row whose type cell says 'Task' is not a header row."""
    for k, (_line, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if names_a_header(cells):
            known = _known_columns(cells)
            earlier = next((j for j in range(k) if _known_columns(rows[j][1]) >= max(3, known)), None)
            if earlier is not None:
                return rows[earlier][1], list(rows[earlier + 1 :])
            if k and (joined := _two_row_header(rows[k - 1], rows[k], report, above=True)) is not None:
                if k > 1:
                    report.add(
                        "format",
                        f"{count(k - 1, 'row')} above the header rows (lines {rows[k - 1][0]}-{rows[k][0]}) "
                        f"{agree(k - 1, 'was', 'were')} skipped",
                    )
                return joined, list(rows[k + 1 :])
            if k:
                report.add(
                    "format",
                    f"{count(k, 'row')} above the header row (line {rows[k][0]}) {agree(k, 'was', 'were')} skipped",
                )
            if k + 1 < len(rows) and (joined := _two_row_header(rows[k], rows[k + 1], report)) is not None:
                return joined, list(rows[k + 2 :])
            if k + 1 < len(rows) and (united := _units_row(rows[k][1], rows[k + 1], rows[k + 2 :], report)):
                return united
            return _board_groups(rows, k, report) or (rows[k][1], list(rows[k + 1 :]))
    if not rows:
        return [], []
    return rows[0][1], list(rows[1:])


def _two_row_header(
    upper: tuple[int, Sequence[Any]],
    lower: tuple[int, Sequence[Any]],
    report: ImportReport,
    *,
    above: bool = False,
) -> list[Any] | None:
    """A header in two rows, as spreadsheets lay one out: a group name merged over several columns ('Schedule',
    'Planned', 'Actual') in the upper row and the columns' own names ('Start', 'End') in the lower one, the other
    columns named once (in the upper row, or merged down over both). Returns the header as one row, each column
    named by its lower cell, joined to its group's name when that names a column the import reads ('Actual' +
    'Start': actual start; 'Schedule' + 'Start': start), or None when the two rows are not such a header: every
    filled lower cell must be a word (no number, no date) under an empty upper cell or a group name (a name the
    import does not read as a column), or repeat the cell above it (a cell merged down), and one at least must name
    a column. ``above``: the lower row is the one found naming the title; the upper one is then a header row only
    when it makes a column the lower row names twice ('Start' under 'Planned' and under 'Actual') two columns."""
    top, bottom = list(upper[1]), list(lower[1])
    width = max(len(top), len(bottom))
    top += [None] * (width - len(top))
    bottom += [None] * (width - len(bottom))
    known = {*COLUMNS, *_EXTRA_KEYS, *START_HEADERS, *FINISH_HEADERS, *LEVEL_HEADERS, *PARENT_HEADERS}

    def text(cell: Any) -> str:
        return re.sub(r"\s+", " ", cell.strip()) if isinstance(cell, str) else ""

    if is_todoist_header(top) or is_period_planner(top):
        return None
    joined: list[Any] = []
    group, named = "", 0
    under: list[
        int
    ] = []  # how many names each group has under it (a group is merged across two columns or more)
    for up, low in zip(top, bottom, strict=True):
        up_text, low_text = text(up), text(low)
        if low is not None and not isinstance(low, str):
            return None  # a number or a date: a data row
        if (
            up_text
        ):  # a column's own name ends the group at its left; a name the import does not read starts one
            group = "" if _norm_header(up_text) in known else up_text
            under.append(0)
        if not low_text:
            joined.append(up)
            continue
        if up_text and _norm_header(up_text) == _norm_header(low_text):
            joined.append(up)  # a name merged down over both rows
            continue
        if not re.search(r"[^\W\d_]", low_text) or _date_cell(low_text, ()) is not None:
            return None
        if up_text and not group:
            return None  # a cell under a column's name: a data row
        if group:
            under[-1] += 1
        both = f"{group} {low_text}"
        if group and _norm_header(both) in known:
            joined.append(both)
            named += 1
        else:
            joined.append(low_text)
            named += _norm_header(low_text) in known
    if not named or any(n == 1 for n in under):
        return None
    if above:
        keys = [_norm_header(h) for h in bottom if text(h)]
        twice = {k for k in keys if keys.count(k) > 1}
        if not twice or len({_norm_header(h) for h in joined if text(h)}) <= len(set(keys)):
            return None
    renamed = [text(h) for h, low in zip(joined, bottom, strict=True) if text(low) and text(h) != text(low)]
    report.add(
        "format",
        f"the header is in two rows (lines {upper[0]}-{lower[0]}): each column is named by its lower cell"
        + (
            f", joined to the group name above it where that names a column ({some(map(quoted, renamed), 4)})"
            if renamed
            else " (a group name above its columns is not read)"
        ),
    )
    return joined


_UNIT_CELL = re.compile(r"^[(\[]?\s*([^()\[\]]+?)\s*[)\]]?$")


def _unit_of(cell: Any) -> str | None:
    """The unit a cell of a units row names ('days', '(h)', '[EUR]', '€', '%'), lower-cased for time, as written
    for money; None for any other cell."""
    if not isinstance(cell, str) or not cell.strip():
        return None
    m = _UNIT_CELL.match(cell.strip())
    word = m.group(1) if m else ""
    if word.lower() in _UNITS or word.lower() in ("%", "weeks", "week", "wks", "wk", "w"):
        return word.lower()
    if re.fullmatch(r"[A-Z]{3}", word) or word in CURRENCY_SYMBOLS or word in ("CHF", "kr"):
        return word
    return None


def _units_row(
    header: Sequence[Any],
    below: tuple[int, Sequence[Any]],
    rows: Sequence[tuple[int, Sequence[Any]]],
    report: ImportReport,
) -> tuple[list[Any], list[tuple[int, Sequence[Any]]]] | None:
    """A row of units under the header, as engineering and PMO sheets give them ('', 'days', 'EUR', '%'): the
    header with each duration column named with its unit ('Duration (days)': its bare numbers are days) and the
    rows with a money column's currency written into its cells (as '1,200 EUR' says it), or None when the row is
    not one (a cell under the title or id column, or a cell that is no unit)."""
    line, cells = below
    keys = [_norm_header(h) for h in header]
    units = {j: _unit_of(c) for j, c in enumerate(cells) if _has_cell(c)}
    if not units or any(u is None for u in units.values()):
        return None
    if any(j < len(keys) and keys[j] in ("title", "id", "summary") for j in units):
        return None
    out_header = list(header)
    money: dict[int, str] = {}
    read: list[str] = []
    for j, unit in units.items():
        if j >= len(header) or unit is None:
            continue
        name = str(header[j] or "").strip()
        if keys[j] in SPANS and unit not in ("%", "weeks", "week", "wks", "wk", "w"):
            out_header[j] = f"{name} ({unit})"
            read.append(quoted(out_header[j]))
        elif keys[j] in MONEY and (unit[:1].isupper() or unit in CURRENCY_SYMBOLS):
            money[j] = CURRENCY_SYMBOLS.get(unit, unit)
            read.append(f"{quoted(name)} in {money[j]}")
    out_rows: list[tuple[int, Sequence[Any]]] = []
    for n, row in rows:
        if money:
            row = [
                f"{c} {money[j]}" if j in money and _plain_number(c) is not None else c
                for j, c in enumerate(row)
            ]
        out_rows.append((n, row))
    shown = some((quoted(str(c).strip()) for c in cells if _has_cell(c)), 4)
    report.add(
        "format",
        f"line {line} under the header gives the columns' units ({shown}): "
        + (f"read with them ({some(read, 4)})" if read else "none of them changes how a column is read"),
    )
    return out_header, out_rows


def _known_columns(cells: Sequence[Any]) -> int:
    """How many of ``cells`` name a column the import reads (a plan field, a date or outline column)."""
    known = {*COLUMNS, *_EXTRA_KEYS, *START_HEADERS, *FINISH_HEADERS, *LEVEL_HEADERS, *PARENT_HEADERS}
    return sum(1 for c in cells if isinstance(c, str) and _norm_header(c) in known)


def _filled(cells: Sequence[Any]) -> list[str]:
    return [str(c).strip() for c in cells if c is not None and str(c).strip()]


def _board_groups(
    rows: Sequence[tuple[int, Sequence[Any]]], k: int, report: ImportReport
) -> tuple[list[Any], list[tuple[int, Sequence[Any]]]] | None:
    """A monday.com board export: the board's title, then per group a title row (one cell) and the header row again,
    the group's items, and under an item with subitems a "Subitems" header row (one column in) and the subitems.
    Returns the header with a "Group" column (each item's group, read as its area) and a "Parent task" column (a
    subitem's item, which becomes structure as a parent task does), and the items and subitems as rows; None for a
    table with one header row and no subitems (every other file)."""
    header = list(rows[k][1])
    keys = [_norm_header(h) for h in header]

    header_keys = [x for x in keys if x]
    first = next((str(h).strip().casefold() for h in header if h is not None and str(h).strip()), "")

    def is_header(cells: Sequence[Any]) -> bool:
        lead = next((str(c).strip() for c in cells if c is not None and str(c).strip()), "")
        # (the first cell first: a data row is told apart without reading its every cell as a header's)
        return lead.casefold() == first and [_norm_header(c) for c in _filled(cells)] == header_keys

    def is_sub_header(cells: Sequence[Any]) -> bool:
        return (
            len(cells) > 1 and not _filled(cells[:1]) and str(cells[1] or "").strip().casefold() == "subitems"
        )

    later = rows[k + 1 :]
    if not any(is_header(c) for _, c in later) and not any(is_sub_header(c) for _, c in later):
        return None
    title_at = keys.index("title") if "title" in keys else keys.index("id") if "id" in keys else 0

    def group_title(before: int) -> str:
        """The one-cell row just above the header row at ``before`` (blank rows between are passed)."""
        for _, cells in reversed(rows[:before]):
            filled = _filled(cells)
            if filled:
                return filled[0] if len(filled) == 1 else ""
        return ""

    group, parent = group_title(k), ""
    sub_keys: list[str] = []  # the subitems' header, as the main header's keys
    out: list[tuple[int, Sequence[Any]]] = []
    titles: set[int] = set()  # the lines of the groups' title rows: the filled row just above a header row
    for i, (_, cells) in enumerate(later):
        if is_header(cells):
            above = next((line for line, c in reversed(later[:i]) if _filled(c)), None)
            titles.update({above} if above is not None else set())
    subitems = dropped = 0
    for i, (line, cells) in enumerate(later):
        if is_header(cells):
            group, sub_keys = group_title(k + 1 + i), []
            continue
        if line in titles and len(_filled(cells)) == 1:
            continue  # a group's title row
        if is_sub_header(cells):
            sub_keys = ["title" if j == 1 else _norm_header(c) for j, c in enumerate(cells)]
            continue
        if sub_keys and not _filled(cells[:1]) and _filled(cells):
            row: list[Any] = [""] * len(header)
            for j, c in enumerate(cells):
                key = sub_keys[j] if j < len(sub_keys) else ""
                if key in keys and c not in (None, ""):
                    row[keys.index(key)] = c
                elif c not in (None, "") and j > 1:
                    dropped += 1
            out.append((line, [*row, group, parent]))
            subitems += 1
            continue
        sub_keys = []
        if _filled(cells):
            parent = str(cells[title_at] if title_at < len(cells) else "").strip()
        out.append((line, [*cells, *[""] * (len(header) - len(cells)), group, ""]))
    named = any(str(cells[len(header)]).strip() for _, cells in out)
    report.add(
        "format",
        "a board export "
        + (
            "with groups (monday.com): each group's title is kept for its items (column 'Group')"
            if named
            else "(monday.com): the header rows repeated below the first were skipped"
        )
        + (
            f"; {count(subitems, 'subitem')} {agree(subitems, 'is a decision', 'are decisions')} under "
            f"{agree(subitems, 'its', 'their')} item, which becomes structure"
            if subitems
            else ""
        ),
    )
    if dropped:
        report.add(
            "column",
            f"{count(dropped, 'subitem cell')} in columns the items' header does not have "
            f"{agree(dropped, 'is', 'are')} not carried",
        )
    return [*header, "Group", "Parent task"], out


SPANS = {"optimistic", "likely", "pessimistic", "duration"}
"""Columns that may give a unit ("5 days", "2w"), as project tools export durations."""


def _is_plain_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


_CURRENCY = re.compile(r"^(?:[A-Z]{3}|[$€£¥₹]|CHF|kr)\s*|\s*(?:[A-Z]{3}|[$€£¥₹]|CHF|kr)$")
_GROUPED = re.compile(r"^-?[1-9]\d{0,2}(?:[,.]\d{3})+$")  # a leading 0 groups nothing: '0.125' is a fraction


_TOTAL_TITLES = re.compile(
    r"^(?:grand |project |sum |overall )?(?:totals?|sum|subtotal|gesamt|summe|totaal)(?: project)?$"
)


RESOURCE_LISTS = {
    "resource names",
    "resources",
    "assigned to",
    "assign to",
    "assigned",
    "assignee",
    "assignees",
    "person",
    "people",
    "members",
}
_RESOURCE_UNITS = re.compile(r"^(.*?)\s*\[\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*\]$")


def _bracketed(text: str) -> list[str]:
    """The items of a bracketed list: ClickUp's ``[urgent, gacha]``, or a list as Python writes it, as Plane's
    export does (``['Ana Silva', "O'Brien", 'Silva, Ana']``: its quotes keep a comma or an apostrophe in a name)."""
    with contextlib.suppress(ValueError, SyntaxError, MemoryError, RecursionError):
        items = ast.literal_eval(text) if len(text) <= 100_000 and ("'" in text or '"' in text) else None
        if isinstance(items, list) and all(isinstance(i, str) for i in items):
            return [i.strip() for i in items if i.strip()]
    # (not a list Python reads, "['Ana" cut short: each item without the quotes it has at both ends)
    items = [re.sub(r"""^(['"])(.*)\1$""", r"\2", t.strip()).strip() for t in text[1:-1].split(",")]
    return [t for t in items if t]


def _tag_list(text: str, commas: bool = False) -> list[str]:
    """The tags in a cell: ``;``-separated (the planner's own, Planner's "Labels"), or a bracketed list as ClickUp
    writes it (``[urgent, gacha]``, ``[]`` for none; Plane's ``['urgent', 'gacha']``); with ``commas`` (another tool's file), a cell without ``;`` is
    ``,``-separated, as Linear's "Labels" and Notion's multi-selects are ("Backend, API")."""
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        return _bracketed(text)
    return [t.strip() for t in text.split(";" if ";" in text or not commas else ",") if t.strip()]


def _status_word(text: str) -> Status | None:
    """The status a word names (the plan's own values or :data:`STATUS_WORDS`), or None."""
    key = text.strip().lower().replace(" ", "_").replace("-", "_")  # (Rally's "In-Progress")
    if key in STATUS_WORDS:
        return STATUS_WORDS[key]
    found = next((st for st in Status if st.value == key), None)
    if found is not None:
        return found
    # a status dressed as boards show it: an emoji or symbol before or after ('✅ Done', '🟡 In progress'), a
    # note in brackets ('In progress (50%)'), punctuation ('[Done]', 'DONE!')
    bare = _EDGES.sub("", _BRACKETED_NOTE.sub("", text.strip()))
    return _status_word(bare) if bare and bare != text.strip() else None


CANCELLED_WORDS = {
    "canceled", "cancelled", "won't_do", "wont_do", "won't_fix", "wontfix", "obsolete", "abandoned", "duplicate",
    "cannot_reproduce", "declined", "rejected",
    "abgebrochen", "storniert", "verworfen", "abgewiesen", "annulé", "annulée", "abandonné", "abandonnée", "rejeté",
    "rejetée", "cancelado",
    "cancelada", "annullato", "annullata", "geannuleerd",
}  # fmt: skip
"""Status words of work called off (Linear's Canceled and Duplicate, Wrike's Cancelled, Jira's Won't Do, Redmine's
and OpenProject's Rejected; German, French, Spanish, Italian and Dutch ones): such a row is no work to do, and the
import leaves it out (said in one report line). Pivotal Tracker's 'rejected' story is reworked, not called off
(:func:`_is_pivotal`)."""


def _cancelled(text: Any) -> bool:
    """Whether a status cell says the work was called off (:data:`CANCELLED_WORDS`, dressed as boards dress a
    status too: '❌ Cancelled')."""
    if not isinstance(text, str) or not text.strip():
        return False
    key = text.strip().lower().replace(" ", "_").replace("-", "_").replace("\u2019", "'")
    if key in CANCELLED_WORDS:
        return True
    bare = _EDGES.sub("", _BRACKETED_NOTE.sub("", text.strip()))
    return bool(bare) and bare != text.strip() and _cancelled(bare)


_BRACKETED_NOTE = re.compile(r"(?<=\S)\s*[(\[][^()\[\]]*[)\]]\s*$")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


_YES = {"yes", "y", "true", "1", "x", "ja", "j", "wahr", "oui", "vrai", "sí", "si", "sì", "sim", "verdadero",
        "vero", "verdadeiro", "waar", "checked"}  # fmt: skip
_NO = {"", "no", "n", "false", "0", "nein", "falsch", "non", "faux", "não", "nao", "nee", "falso", "onwaar"}
"""A milestone cell's words, in English, German, French, Spanish, Italian, Portuguese and Dutch (``Ja``/``Nein``,
``Oui``/``Non``, ``Sí``/``No``, ``Sim``/``Não``, ``Ja``/``Nee``), as a spreadsheet user types them or MS Project
writes them in its language; Airtable writes a ticked checkbox as ``checked`` and an empty one as nothing."""


def _yes_no(cell: Any, where: str, report: ImportReport) -> bool:
    """A yes/no cell (the milestone column); a word that is neither is reported and read as no."""
    if isinstance(cell, bool):
        return cell
    text = str(cell if cell is not None else "").strip()
    if isinstance(cell, float) and cell == int(cell):
        text = str(int(cell))  # (a workbook's number cell: 1.0)
    if text.casefold() in _YES:
        return True
    if text.casefold() not in _NO:
        report.add(
            "milestone", f"{quoted(text[:40])} is neither yes nor no; read as no (not a milestone)", where
        )
    return False


def _first_resource(text: str, *, listed: bool, report: ImportReport, where: str) -> tuple[str, float | None]:
    """The owner in a resource cell as MS Project writes it (``Platform team[200%]``, ``Ann,Bob[50%]``): the first
    resource's name and the people its units make (200% is 2), or None without units. A decision has one owner, so
    further resources of a list column are reported, not carried."""
    if listed and text.startswith("[") and text.endswith("]"):
        parts = _bracketed(text)  # ClickUp's "[Ada Lovelace, Grace]", Plane's "['Ada Lovelace', 'Grace']"
    else:
        parts = [p.strip() for p in re.split(r"[,;]", text)] if listed else [text]
    parts = [p for p in parts if p]
    if not parts:
        return "", None
    name, units = parts[0], None
    name = re.sub(r"^(.+?)\s*<[^<>\s]+@[^<>\s]+>$", r"\1", name)  # Azure DevOps' "Ben Ode <ben@contoso.com>"
    m = _RESOURCE_UNITS.match(name)
    if m:
        value = float(m.group(2).replace(",", "."))
        name, units = m.group(1).strip(), value / 100.0 if m.group(3) else value
    if len(parts) > 1:
        names = ", ".join(quoted(_RESOURCE_UNITS.sub(r"\1", p)) for p in parts)
        report.add(
            "resource",
            f"{len(parts)} resources ({names}); the first is the owner, the others are not carried",
            where,
        )
    return name, units


def _has_cell(cell: Any) -> bool:
    """A cell with something in it (MS Project's 'NA' is nothing)."""
    return str(cell if cell is not None else "").strip().casefold() not in ("", "na", "n/a")


def _plain_number(cell: Any) -> float | None:
    """A cell's number when it is a number cell or a plain number's text ('0.5', '0,5'), else None (a bool, '50%',
    a word, an empty cell, a number that is not finite)."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        value = float(cell)
    else:
        text = str(cell).strip().replace(",", ".") if isinstance(cell, str) else ""
        if not text or not _is_plain_number(text):
            return None
        try:
            value = float(text)
        except ValueError:
            return None
    return value if math.isfinite(value) else None


def _progress_fractions(
    keys: Sequence[str], header: Sequence[Any], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> list[tuple[int, Sequence[Any]]]:
    """A progress column of fractions ('0.5', '0.25', '1': a spreadsheet's percent cells saved as CSV without their
    format) as percentages, when every number in it is from 0 to 1 and one at least lies between: 0.5 was read as
    half of one per cent. Said in the report."""
    if "progress" not in keys:
        return rows
    at = keys.index("progress")
    values: list[float] = []
    for _, cells in rows:
        cell = cells[at] if at < len(cells) else None
        number = _plain_number(cell)
        if number is not None:
            values.append(number)
        elif _has_cell(cell):
            return rows  # a '50%', a status word, a yes: the column says its scale (or is no number)
    if not values or not all(0 <= v <= 1 for v in values) or not any(0 < v < 1 for v in values):
        return rows
    out: list[tuple[int, Sequence[Any]]] = []
    for line, cells in rows:
        cell = cells[at] if at < len(cells) else None
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            out.append((line, cells))
            continue
        value = _plain_number(cell)
        if value is None:
            out.append((line, cells))
            continue
        out.append((line, [*cells[:at], f"{round(value * 100, 9):g}%", *cells[at + 1 :]]))
    first = next(v for v in values if 0 < v < 1)
    report.add(
        "progress",
        f"column {quoted(str(header[at]).strip())} holds fractions of 1 ({first:g} and the others from 0 to 1): "
        f"read as percentages ({first:g} is {round(first * 100, 9):g} %)",
    )
    return out


def _is_sum_cell(cell: Any) -> bool:
    """A cell of a total row: a number, or text of one (a formula's saved value, '8.4', '€3,250.50', '12 days')."""
    if isinstance(cell, bool):
        return False
    if isinstance(cell, int | float):
        return True
    text = str(cell).strip()
    return text.startswith("=") or bool(re.fullmatch(r"[^\w\s]?\s*[\d.,\s]+\s*(?:%|[^\W\d_]{1,8}\.?)?", text))


def _is_total_row(title: str, rec: dict[str, Any]) -> bool:
    """A spreadsheet's total row ('Total', 'Grand total:', 'Sum') at the foot of a PMO's task list: no id, no
    predecessors, a title that only says it totals."""
    words = re.sub(r"[^\w ]+", " ", title.casefold()).split()
    return bool(_TOTAL_TITLES.match(" ".join(words))) and not str(rec.get("depends_on") or "").strip()


_CODE = re.compile(r"(?:^|[\s\d])([A-Z]{3})$|^([A-Z]{3})(?:[\s\d]|$)")


def currency_of(cell: Any) -> str | None:
    """The currency a cost cell names ('€12,000' -> 'EUR', '12 000 SEK' -> 'SEK'), or None."""
    if not isinstance(cell, str):
        return None
    text = cell.strip()
    m = _CODE.search(text)
    if m:
        return m.group(1) or m.group(2)
    return next((code for sym, code in CURRENCY_SYMBOLS.items() if sym in text), None)


def _money(text: str) -> str:
    """A cost cell as a spreadsheet user types or a tool exports it, as a plain number: a currency symbol or code
    (``€12,000``, ``12 000 EUR``, ``$8,000.00``) and digit grouping (``,`` ``.`` space ``'``) go; a separator that
    only ever groups three digits groups thousands (money is not written to three decimals: ``12,000`` is twelve
    thousand, not 12), otherwise the last of ``,`` and ``.`` is the decimal point (``1.234,50``, ``12,5``)."""
    text = _CURRENCY.sub("", text.strip()).strip()
    text = re.sub(r"[\s\u00a0\u202f']", "", text)
    if text.startswith("-") and text[1:2] in ("$", "€", "£", "¥", "₹"):
        text = "-" + text[2:]  # -€500
    if _GROUPED.match(text) and len({c for c in text if c in ",."}) == 1:
        return text.replace(",", "").replace(".", "")
    last = max(text.rfind(","), text.rfind("."))
    if last >= 0:
        text = text[:last].replace(",", "").replace(".", "") + "." + text[last + 1 :]
    return text


def _number(value: Any, column: str, where: str, path: Any, units: set[str] | None = None) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise InteropError(path, f"{where}, column {quoted(column)}: expected a number, not {value}")
    if isinstance(value, int | float):
        return float(value)
    text = restore(str(value).strip()).replace("\u2212", "-")
    if column in MONEY:
        text = _money(text)
    elif "," in text and "." not in text:
        text = text.replace(",", ".")  # a European decimal comma
    if column == "progress" and text.endswith("%"):
        text = text[:-1].strip()  # "50%", as Smartsheet and MS Project write it
    elif column == "headcount" and text.endswith("%") and _is_plain_number(text[:-1].strip()):
        text = str(float(text[:-1].strip()) / 100)  # units as MS Project writes them: 50% is half a person
    if column in SPANS:
        weeks = span_weeks(text)
        if weeks is not None:
            if units is not None and not _is_plain_number(text):
                units.add(text)
            return weeks
    try:
        x = float(text)
    except ValueError:
        raise InteropError(
            path,
            f"{where}, column {quoted(column)}: {quoted_cell(value)} is not a number",
            hint=(
                "use a percentage from 0 to 100, such as 40 or 40%"
                if column == "progress"
                else "use a plain number such as 2 or 1.5"
                if column in ("headcount", *MONEY)
                else "use a plain number of weeks such as 2 or 1.5"
                + (", or a number with a unit such as 5d or 2w" if column in SPANS else "")
            ),
        ) from None
    if x != x or x in (float("inf"), float("-inf")):
        raise InteropError(
            path, f"{where}, column {quoted(column)}: {quoted_cell(value)} is not a finite number"
        )
    return x


def _cost_category(cell: Any, where: str, path: Any) -> CostCategory:
    """A cost category cell: people, cloud, vendor or other in any case; blank is ``other``."""
    text = str(cell if cell is not None else "").strip()
    if not text:
        return CostCategory.OTHER
    try:
        return CostCategory(text.casefold())
    except ValueError:
        names = ", ".join(c.value for c in CostCategory)
        raise InteropError(
            path,
            f"{where}, column 'cost_category': {quoted(text[:40])} is not a cost category",
            hint=f"use one of {names}, or leave it blank (other)",
        ) from None


START_HEADERS = {"start", "start date", "begin", "begin date", "start_date", "timeline - start"}
FINISH_HEADERS = {
    "finish",
    "end",
    "end date",
    "finish date",
    "finish_date",
    "due date",
    "due",
    "abgabedatum",  # Redmine's due date in German and French
    "echéance",
    "échéance",
    "timeline - end",
    "target date",  # Azure DevOps, GitHub Projects' roadmap
    "due on",  # Basecamp
}
"""Date columns of other tools' exports (Smartsheet, MS Project "Save as CSV", GanttProject's CSV): where each task
sits in the file's own schedule."""
_DATE_FORMATS = ("%m/%d/%y", "%m/%d/%Y", "%d/%m/%y", "%d/%m/%Y", "%d.%m.%Y", "%d.%m.%y", "%Y/%m/%d", "%d-%b-%y",
                 "%d %b %Y", "%b %d, %Y", "%d/%b/%y", "%d %B %Y", "%d-%b-%Y", "%d/%b/%Y")  # fmt: skip
_EPOCH_MS = re.compile(r"^1\d{12}$")
"""A date as milliseconds since 1970 (ClickUp's "Start Date" and "Due Date": 1704412800000 is 5 Jan 2024, 00:00 UTC);
13 digits from 1 (2001-09-09 to 2286)."""
_SERIAL_DAY = re.compile(r"^[2-7]\d{4}(?:\.\d+)?$")
"""A spreadsheet's serial day number in a date column (20000 to 79999: 1954 to 2118; 45306 is 15 Jan 2024), as a
CSV saved from a sheet whose date cells were formatted as numbers, or text cells, keeps them."""
_LONG_DATE = re.compile(
    r"^(?:[A-Za-z]{3,9}\.?,\s*)?([A-Za-z]{3,9}\.?\s+\d{1,2})(?:st|nd|rd|th)?(,?\s+\d{4})$"
)
"""A date written out ("Friday, January 5th 2024", ClickUp's "Due Date Text"; "Jan 5th, 2024")."""
# fmt: off
_MONTH_WORDS = {
    word: month
    for month, words in enumerate(
        (
            ("januar", "jan", "jän", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari"),
            ("februar", "feb", "février", "févr", "fév", "febrero", "febbraio", "fevereiro", "fev", "februari"),
            ("märz", "mär", "mrz", "mars", "marzo", "mar", "março", "maart", "mrt"),
            ("april", "apr", "avril", "avr", "abril", "abr", "aprile"),
            ("mai", "mayo", "may", "maggio", "mag", "maio", "mei"),
            ("juni", "jun", "juin", "junio", "giugno", "giu", "junho"),
            ("juli", "jul", "juillet", "juil", "julio", "luglio", "lug", "julho"),
            ("august", "aug", "août", "agosto", "ago", "augustus"),
            ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro"),
            ("oktober", "okt", "octobre", "oct", "octubre", "ottobre", "ott", "outubro", "out"),
            ("november", "nov", "novembre", "noviembre", "novembro"),
            ("dezember", "dez", "décembre", "déc", "dec", "diciembre", "dic", "dicembre", "dezembro", "december"),
        ),
        start=1,
    )
    for word in words
}
"""German, French, Spanish, Italian, Portuguese and Dutch month names and their abbreviations, as a date typed in
those languages writes them."""
_ENGLISH_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                   "april", "august", "september", "november", "december"}  # fmt: skip
"""Month words English shares: read here only after a German day ('15. Feb 2027'); '15 Feb 2027' is the English
date the formats of each column read (or not: an actual-date column takes only numeric dates)."""
# fmt: on
_WRITTEN_DATE = re.compile(
    r"^(?:[^\W\d_]{2,10}\.?,?\s+)?(\d{1,2})(\.?)\s+(?:de\s+)?([^\W\d_]{3,10})\.?\s+(?:de\s+)?(\d{4})$"
)
"""A date written out in German, French, Spanish, Italian, Portuguese or Dutch, with an optional weekday ("15. März
2027", "Mo, 15. März 2027", "lundi 15 mars 2027", "15 de marzo de 2027", "lun 15 marzo 2027", "15 maart 2027"; "1er"
is not read)."""


_YEAR_FIRST = re.compile(r"^(\d{4})\s*(?:\.|年|년)\s*(\d{1,2})\s*(?:\.|月|월)\s*(\d{1,2})\s*(?:\.|日|일)?$")
"""A date year first with dots or the year, month and day signs, as Hungarian, Korean, Japanese and Chinese
spreadsheets write them ('2026.03.02.', '2026. 3. 2.', '2026年3月2日', '2026년 3월 2일'): no doubt about the order."""
_DAY_WORD_YEAR = re.compile(r"^(\d{1,2})([/-])([^\W\d_]{3,10})\.?\2(\d{4}|\d{2})$")
"""A day, a month's word and a year between slashes or dashes: Jira's dates in German, French, Spanish...
('12/Mär/26 9:41 AM' with the time taken off), a spreadsheet's d-mmm-yy in those languages ('5-dic-26')."""


def _date_cell(cell: Any, formats: Sequence[str]) -> dt.date | None:
    """A date cell: a spreadsheet date, ISO text, or text in one of ``formats`` (a leading weekday name and a time
    of day are ignored: "Mon 10/27/25", "2025-10-27 08:00")."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    text = str(cell if cell is not None else "").strip()
    if not text:
        return None
    if isinstance(cell, int | float) and not isinstance(cell, bool) and cell == int(cell):
        text = str(int(cell))  # (a workbook's number cell: 1704412800000.0)
    if _EPOCH_MS.match(text):
        return dt.datetime.fromtimestamp(int(text) / 1000, dt.UTC).date()
    if _SERIAL_DAY.match(text):  # a date cell saved as its number (45306), or typed over as text
        return _SERIAL_EPOCH + dt.timedelta(days=int(float(text)))
    with contextlib.suppress(ValueError):
        return dt.date.fromisoformat(text[:10])
    # a time of day and its zone ("... 9:00 AM", Notion's "... 9:00 AM (GMT+1)", Plane's "... 05:00:00 UTC+0000")
    text = re.sub(r"\s*\((?:GMT|UTC)[^()]*\)$", "", text)
    text = re.sub(
        r"\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?(?:\s*(?:UTC|GMT|Z)?(?:[+-]\d{2}:?\d{2})?)?$", "", text
    )
    if (long := _LONG_DATE.match(text)) is not None:
        words = long.group(1).replace(".", "") + long.group(2).replace(",", "")  # "January 5 2024"
        for fmt in ("%B %d %Y", "%b %d %Y"):
            with contextlib.suppress(ValueError):
                return dt.datetime.strptime(words, fmt).date()
        if words[:4].lower() == "sept":  # (strptime's %b is "Sep")
            with contextlib.suppress(ValueError):
                return dt.datetime.strptime(words[:3] + words[4:], "%b %d %Y").date()
    written = _WRITTEN_DATE.match(text)
    month_word = written.group(3).casefold() if written is not None else ""
    if (
        written is not None
        and month_word in _MONTH_WORDS
        and (month_word not in _ENGLISH_MONTHS or written.group(2))
    ):
        with contextlib.suppress(ValueError):
            return dt.date(int(written.group(4)), _MONTH_WORDS[month_word], int(written.group(1)))
    if (first := _YEAR_FIRST.match(text)) is not None:  # '2026.03.02', '2026. 3. 2.', '2026年3月2日'
        with contextlib.suppress(ValueError):
            return dt.date(*(int(x) for x in first.groups()))
    short = _DAY_WORD_YEAR.match(text)
    short_word = short.group(3).casefold() if short is not None else ""
    if short is not None and short_word in _MONTH_WORDS and short_word not in _ENGLISH_MONTHS:
        # Jira's dd/MMM/yy in the user's language ('12/Mär/26', '03/Okt/26', '12/dic/26'); English ones: formats
        year = int(short.group(4))
        with contextlib.suppress(ValueError):
            return dt.date(year + 2000 if year < 100 else year, _MONTH_WORDS[short_word], int(short.group(1)))
    text = re.sub(r"^[^\W\d_]{2,9}\.?,?\s+(?=\d)", "", text)  # "Mon 10/27/25", "mié 17/03/27"
    if _DASHED.fullmatch(text):  # "ma 15-3-27" (a Dutch MS Project's dates): read as slashed ones are
        text = text.replace("-", "/")
    for fmt in formats:
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(text, fmt).date()
    return None


_DASHED = re.compile(r"(?<![\d-])\d{1,2}-\d{1,2}-(?:\d{4}|\d{2})(?![\d-])")
"""A date with dashes between day, month and year in either order (``15-3-27``, ``1-3-2027``), as a Dutch MS Project
and a Dutch or Danish spreadsheet write them; never ISO (``2027-03-15``), which starts with the year."""


def _is_slashed(cell: Any) -> bool:
    """A date cell written with slashes (``1/3/2027``, ``Mon 3/1/27``) or dashes (``ma 1-3-27``), whose order of day
    and month needs telling; an ISO date (``2027-03-01``) or a spreadsheet date does not."""
    if not isinstance(cell, str) or ("/" not in cell and not _DASHED.search(cell)):
        return False
    if re.search(r"[/-][^\W\d_]{3}", cell):  # '02/Mär/26': the month is a word, the order is not in doubt
        return False
    return _date_cell(cell, _DATE_FORMATS[:4]) is not None


def _order_told(cells: Sequence[str]) -> bool:
    """Whether a date among ``cells`` reads only month first or only day first (13/01/2027), which tells the
    file's order."""
    month_first, day_first = _DATE_FORMATS[:2], _DATE_FORMATS[2:4]
    slashed = [c for c in cells if _is_slashed(c)]
    return any(_date_cell(c, month_first) is None for c in slashed) != any(
        _date_cell(c, day_first) is None for c in slashed
    )


def _slash_order(
    row_dates: dict[str, tuple[int, list[Any], bool]], likely: dict[str, float], report: ImportReport
) -> list[str]:
    """The date formats to read the start and finish columns with, slashed dates month first (as US tools write
    them) or day first. A cell that reads only one way (13/01/2027) decides; when every slashed date reads both ways,
    the order under which more rows finish on or after their start with a span that matches their duration
    (``likely``, in weeks or working days), month first on a tie. Slashed dates are always reported with the order
    used, and the doubt when no date decided it."""
    month_first: list[str] = list(_DATE_FORMATS)
    day_first = month_first[2:4] + month_first[:2] + month_first[4:]
    pairs = [pair for _, pair, _ in row_dates.values()]
    cells = [c for pair in pairs for c in pair if isinstance(c, str) and c.strip()]
    slashed = [c for c in cells if _is_slashed(c)]  # (ISO cells tell nothing of the order: not counted)
    if not slashed:
        return month_first
    only_day = any(_date_cell(c, month_first[:2]) is None for c in slashed)
    only_month = any(_date_cell(c, day_first[:2]) is None for c in slashed)
    decided = only_day != only_month
    if decided:
        chosen = day_first if only_day else month_first
    else:

        def fit(formats: list[str]) -> tuple[int, int]:
            in_order = matching = 0
            for did, (_, pair, _) in row_dates.items():
                a, b = (_date_cell(c, formats) for c in (pair + [None])[:2])
                if a is None or b is None or b < a:
                    continue
                in_order += 1
                days = _working_days(a, b + dt.timedelta(days=1))
                matching += min(abs(likely.get(did, 0.0) * 5 - days), abs(likely.get(did, 0.0) - days)) < 1
            return in_order, matching

        chosen = day_first if fit(day_first) > fit(month_first) else month_first
    example = slashed[0]
    read = _date_cell(example, chosen)
    which = "day first (day/month/year)" if chosen is day_first else "month first (month/day/year)"
    report.add(
        "format",
        f"dates with {'slashes' if '/' in example else 'dashes'} were read {which}: {quoted(example)} is "
        f"{format_date(read) if read else '?'}"
        + ("" if decided else "; no date in the file told the order apart: check them, or write ISO dates"),
    )
    return chosen


_MONDAY_TO_FRIDAY = WorkCalendar.standard(dt.date(2001, 1, 1))  # any Monday as the origin


def _working_days(a: dt.date, b: dt.date) -> int:
    """Monday-to-Friday days from ``a`` up to ``b`` (``a`` counted, ``b`` not); negative when ``b`` is earlier."""
    return round(_MONDAY_TO_FRIDAY.working_days(a, b))


def _began(finish: dt.date, weeks: float, *, calendar: bool = False, through: int = 0) -> dt.date:
    """The day work of ``weeks`` began when it ends with the day ``finish`` (worked through): Monday-to-Friday weeks
    (2 weeks to Fri 12 Mar 2027 began Mon 1 Mar), or with ``calendar`` 7-day weeks counted as :class:`_DayWeeks`
    counts them (``through``: the finish day is one of them). A moment (0 weeks) is its own day."""
    if weeks <= 0:
        return finish
    if calendar:
        return finish + dt.timedelta(days=through - round(weeks * 7))
    # counted on a calendar whose origin (a Monday) lies before the day the work began: one fixed origin clipped
    # every day before it to the origin (work to 19 Mar 1999 "began" on 1 Jan 2001)
    cal = WorkCalendar.standard(finish - dt.timedelta(days=finish.weekday() + 7 * (math.ceil(weeks) + 1)))
    end = cal.minutes_of_day_start(finish + dt.timedelta(days=1))
    return cal.datetime_at(end - weeks * cal.week_minutes).date()


@dataclasses.dataclass(frozen=True)
class _DayWeeks:
    """Where a date of the file sits on the plan's weeks, counted as its durations are: Monday-to-Friday working days
    from the plan start ``start`` (a start on a weekend: its work begins on the Monday, week 0), or calendar days
    when the durations count them (``through``: a finish date counts its own day). One rule for the rows' start and
    finish dates and another tool's actual dates, so that a row's actual finish sits where its working days end."""

    start: dt.date
    calendar: bool = False
    through: int = 0

    def at(self, day: dt.date, finish: bool = False) -> float:
        """The weeks of ``day``'s start, or with ``finish`` of its end (the work done through that day)."""
        if self.calendar:
            return max(0, (day - self.start).days + (self.through if finish else 0)) / 7
        return max(0, _working_days(self.start, day + dt.timedelta(days=1) if finish else day)) / 5


def _apply_row_dates(
    plan: Plan,
    decisions: list[Decision],
    row_dates: dict[str, tuple[int, list[Any], bool]],
    linked: set[str],
    report: ImportReport,
    slashed: Sequence[tuple[str, str, int, str]] = (),
    baseline_cells: dict[str, tuple[Any, Any]] | None = None,
    durations_from_dates: bool = False,
    path: Any = None,
    blank_durations: frozenset[str] | set[str] = frozenset(),
) -> tuple[int, _DayWeeks | None]:
    """Place rows where the file's own start and finish columns have them, as the MS Project import does with its
    stored dates: the plan starts at the earliest start; a row without predecessors starts no earlier than its own
    start; bare-number durations that count the working days between a row's dates are days, not weeks; work done
    or in progress without actual dates happened where the file has it (see :func:`planner.io.outline.build_plan`).
    Positions are Monday-to-Friday working weeks from the plan start, as the durations are.

    With ``durations_from_dates`` (the file has no duration column: a tracker's Start and Due dates), a row with
    both dates lasts the working days from its start to its finish, inclusive; so does a row of ``blank_durations``
    (its cell in the duration column is empty: ClickUp's "Time Estimate" of a task nobody estimated). Returns how
    many rows got their duration so, and how the file's dates sit on the plan's weeks (None without start dates)."""
    # The order of day and month from every slashed date of the file: the start and finish columns' and the
    # actual dates' (ISO start dates tell nothing; a 13/03/2027 among the actual dates does).
    order_cells = {
        **row_dates,
        **{f"{did} {column}": (line, [text], False) for did, column, line, text in slashed},
    }
    formats = _slash_order(order_cells, {d.id: duration_triple(d.duration)[1] for d in decisions}, report)
    by_id = {d.id: d for d in decisions}
    for did, column, _line, text in slashed:  # actual dates in the file's order of day and month
        setattr(by_id[did], column, _date_cell(text, formats))
    dates = {
        did: (
            line,
            _date_cell(pair[0], formats),
            _date_cell(pair[1], formats) if len(pair) > 1 else None,
            bare,
        )
        for did, (line, pair, bare) in row_dates.items()
    }
    serials = [
        (line, c)
        for line, pair, _ in row_dates.values()
        for c in pair
        if not isinstance(c, bool)
        and _SERIAL_DAY.match(str(int(c) if isinstance(c, float) and c == int(c) else c))
    ]
    if serials:
        first = _date_cell(serials[0][1], formats)
        report.add(
            "format",
            f"{count(len(serials), 'date')} in the start and finish columns {agree(len(serials), 'is', 'are')} a "
            f"spreadsheet's day number (line {serials[0][0]}: {quoted_cell(serials[0][1])} is "
            f"{format_date(first) if first else '?'}): read as dates; format the cells as dates in the spreadsheet",
        )
    unread = [(line, pair) for did, (line, pair, _) in row_dates.items() if pair[0] and dates[did][1] is None]
    if unread:
        report.add(
            "column",
            f"{count(len(unread), 'start date')} could not be read (first: {quoted_cell(unread[0][1][0])}); ignored",
        )
    unread_ends = [
        (line, pair[1])
        for did, (line, pair, _) in row_dates.items()
        if len(pair) > 1 and str(pair[1] if pair[1] is not None else "").strip() and dates[did][2] is None
    ]
    if unread_ends:  # ('next Friday' in a due date column: the row kept its duration where its links put it)
        report.add(
            "column",
            f"{count(len(unread_ends), 'finish date')} could not be read (first: line {unread_ends[0][0]}, "
            f"{quoted_cell(unread_ends[0][1])}); ignored: write dates as the others are, or as YYYY-MM-DD",
        )
    spanned = 0
    spanned_ids: set[str] = set()
    if durations_from_dates or blank_durations:
        for did, (_, s, f, _) in dates.items():
            d = by_id[did]
            if not durations_from_dates and did not in blank_durations:
                continue
            if s is not None and f is not None and f >= s and not d.milestone:
                weeks = _working_days(s, f + dt.timedelta(days=1)) / 5
                if weeks > MAX_WEEKS:  # a year typed wrong (0207 for 2027): the plan model refused it unnamed
                    raise InteropError(
                        path,
                        f"line {dates[did][0]}: {format_date(s)} to {format_date(f)} is {weeks:,.0f} working "
                        f"weeks, more than the {MAX_WEEKS:,} a decision may last",
                        hint="fix the start or due date (a year typed wrong?) and import again",
                    )
                d.duration = weeks or 0.2  # a weekend day: one day
                spanned += 1
                spanned_ids.add(did)
            elif s is not None and f is not None and f < s and not d.milestone:
                report.add(
                    "duration",
                    f"the finish date {format_date(f)} is before the start date {format_date(s)}; the row lasts "
                    "1 week from its start: fix one of the dates in the tracker",
                    f"line {dates[did][0]}",
                )
        if spanned and durations_from_dates:
            report.add(
                "duration",
                f"no duration column: {spanned} of {len(decisions)} rows last the working days from their start "
                "to their finish date (5 days a week)"
                + ("" if spanned == len(decisions) else "; the others (without both dates in order) 1 week"),
            )
        elif spanned:
            report.add(
                "duration",
                f"{count(spanned, 'row')} with an empty duration cell {agree(spanned, 'lasts', 'last')} the working "
                f"days from {agree(spanned, 'its', 'their')} start to {agree(spanned, 'its', 'their')} finish date "
                "(5 days a week)",
            )
        if len(blank_durations) > spanned and not durations_from_dates:
            # named, so that a section heading typed as a row ('Phase 2: Integration') is found and deleted
            rest = sorted(
                (dates[did][0], by_id[did].title) for did in blank_durations - spanned_ids if did in dates
            )
            named = "; ".join(f"line {line} {quoted(title[:40])}" for line, title in rest[:3])
            report.add(
                "duration",
                f"{count(len(blank_durations) - spanned, 'row')} with an empty duration cell and without both dates "
                f"in order {agree(len(blank_durations) - spanned, 'lasts', 'last')} 1 week"
                + (f" ({named}{'; ...' if len(rest) > 3 else ''})" if rest else ""),
            )
    # bare numbers that count the working days between a row's start and finish (inclusive) are days
    # (or calendar days, TaskJuggler's CSV reports: 14.0 from 15 to 29 Jan)
    votes_days = votes_weeks = votes_calendar = votes_through = 0
    for did, (_, s, f, bare) in dates.items():
        d = by_id[did]
        if not bare or s is None or f is None or d.milestone:
            continue
        span = _working_days(s, f + dt.timedelta(days=1))
        likely = duration_triple(d.duration)[1]
        votes_days += abs(likely - span) < 0.51
        votes_weeks += abs(likely * 5 - span) < 0.51
        votes_calendar += min(abs(likely - (f - s).days), abs(likely - (f - s).days - 1)) < 0.51
        votes_through += abs(likely - (f - s).days - 1) < abs(likely - (f - s).days)  # the finish day counted
    per_week = 5 if votes_days > votes_weeks and votes_days >= votes_calendar else 7
    if max(votes_days, votes_calendar) > votes_weeks:
        for did, (_, _, _, bare) in dates.items():
            d = by_id[did]
            if bare and not d.milestone:
                o, lk, pe = (x / per_week for x in duration_triple(d.duration))
                d.duration = lk if o == lk == pe else ThreePoint(optimistic=o, likely=lk, pessimistic=pe)
        report.add(
            "duration",
            "the durations are working days, not weeks: they count the days between the rows' start and finish "
            "dates (5 days a week)"
            if per_week == 5
            else "the durations are calendar days, not weeks: they count the days from the rows' start to their "
            "finish date (7 days a week)",
        )
    # Positions in the durations' own days: working days (Monday to Friday, a finish date worked through), or
    # calendar days from the plan start when the durations count them (a finish date through or not, as they do)
    calendar = per_week == 7 and votes_calendar > votes_weeks
    through = 1 if votes_through * 2 > votes_calendar else 0
    # a row with a finish date and no start date (an empty Start cell, or no Start column) starts its duration
    # before it, as the file's tool placed it: the plan start is then the earliest start, not the earliest finish
    derived = sorted(
        (
            line,
            did,
            _began(
                f, 0.0 if by_id[did].milestone else by_id[did].weeks(), calendar=calendar, through=through
            ),
        )
        for did, (line, s, f, _) in dates.items()
        if s is None and f is not None and did not in blank_durations and not durations_from_dates
    )
    for line, did, s in derived:
        dates[did] = (line, s, dates[did][2], dates[did][3])
    if durations_from_dates and any(s is not None for _, s, _, _ in dates.values()):
        # without a duration column a row needs both dates: one with only its finish (a tracker's due date beside
        # other rows' start dates) lasts 1 week from where its links put it, and its date is not carried: say so
        lost = sorted((line, f) for line, s, f, _ in dates.values() if s is None and f is not None)
        if lost:
            report.add(
                "duration",
                f"{count(len(lost), 'row')} with a finish date and no start date (first: line {lost[0][0]}, "
                f"{format_date(lost[0][1])}) {agree(len(lost), 'is', 'are')} not placed by {agree(len(lost), 'it', 'them')}:"
                " without a duration column the date does not say when the work starts; "
                f"{agree(len(lost), 'it lasts', 'they last')} 1 week where {agree(len(lost), 'its', 'their')} links put "
                f"{agree(len(lost), 'it', 'them')} (give {agree(len(lost), 'it', 'them')} a start date in the tracker)",
            )
    if derived:
        line, did, s = min(derived, key=lambda x: (x[2], x[0]))
        n = len(derived)
        report.add(
            "guess",
            f"{count(n, 'row')} with a finish date and no start date {agree(n, 'starts', 'start')} "
            f"{agree(n, 'its', 'their')} duration before {agree(n, 'it', 'them')}, as the file's tool places "
            f"{agree(n, 'it', 'them')}; the earliest, line {line}: {plural_weeks(by_id[did].weeks())} to "
            f"{format_date(dates[did][2])} starts {format_date(s)}",
        )
    starts = [s for _, s, _, _ in dates.values() if s is not None]
    if not starts:
        if baseline_cells:
            report.add("baseline", "the baseline columns are not carried: no Start date to place them by")
        return spanned, None
    plan.start_date = plan.start_date or min(starts)
    origin = plan.start_date
    placing = _DayWeeks(plan.start_date, calendar=calendar, through=through)
    position = placing.at

    pinned = done = resumed = 0
    for did, (_, s, f, _) in dates.items():
        d = by_id[did]
        if s is None:
            continue
        at = position(s)
        if at > MAX_WEEKS:
            raise InteropError(
                path,
                f"line {dates[did][0]}: the start date {format_date(s)} is {at:,.0f} working weeks after the "
                f"plan start ({format_date(origin)}"
                + next((f", line {x[0]}" for x in dates.values() if x[1] == min(starts)), "")
                + f"), more than the {MAX_WEEKS:,} a plan holds",
                hint="fix that date or the earliest one (a year typed wrong?) and import again",
            )
        if did not in linked and at > 1e-9 and d.not_before is None and d.status is Status.NOT_STARTED:
            d.not_before = at
            pinned += 1
        if d.status is Status.DONE and d.actual_start is None and d.actual_finish is None:
            end = at + d.weeks() if f is None else max(at, position(f, finish=True))
            if d.milestone:  # a moment: at the start of its day, or after the work it follows that day
                at = end = end if did in linked else at
            d.actual_start = exact_actual(plan.start_date, at)
            d.actual_finish = exact_actual(plan.start_date, end)
            done += 1
        elif d.status is Status.IN_PROGRESS and d.actual_start is None and d.not_before is None:
            d.not_before = (
                round(at + d.weeks() * d.progress / 100, 9) or None
            )  # (0.6, not 0.6000000000000001)
            resumed += 1
    # (a milestone's finish date is its day, where it sits: not the end of that day)
    ends = [
        position(f, finish=not by_id[did].milestone) for did, (_, _, f, _) in dates.items() if f is not None
    ]
    if ends:
        plan.extensions = {EXTENSION_KEY: {"format": "table", "source_finish_weeks": max(ends)}}
    if pinned:
        report.add(
            "constraint",
            f"{count(pinned, 'row')} without predecessors {agree(pinned, 'starts', 'start')} no earlier than "
            f"{agree(pinned, 'its', 'their')} start date (as in the file)",
        )
    if done:
        report.add(
            "progress",
            f"{count(done, 'done row')} without actual dates: {agree(done, 'its', 'their')} start and finish dates "
            "are used",
        )
    if resumed:
        report.add(
            "progress",
            f"{count(resumed, 'row')} in progress without an actual start: the remaining work gets an earliest "
            "start where the file has the part done end",
        )
    if baseline_cells:
        _row_baseline(plan, by_id, baseline_cells, formats, origin, linked, report)
    return spanned, placing


def _place_actuals(
    plan: Plan,
    decisions: list[Decision],
    foreign: dict[str, set[str]],
    report: ImportReport,
    placing: _DayWeeks | None,
) -> None:
    """Another tool's actual dates (MS Project's and Smartsheet's 'Actual Start' / 'Actual Finish', Asana's
    'Completed At', a tracker's closing date; rows by ``foreign[column]``) on the plan's weeks by the rule of the rows'
    own dates and durations (``placing``, else working days from the plan start): a start where its day starts, a
    finish where its day ends, the work done through it (a milestone, a moment, keeps its day). Each stays a date
    when it falls on whole days of the plan's weeks, else is kept as those weeks (:func:`exact_actual`), so a row's
    actual finish sits where its working days end. The planner's own actual columns are the plan's values as they
    are."""
    if plan.start_date is None:
        return
    placing = placing or _DayWeeks(plan.start_date)
    ends: list[tuple[dt.date, float]] = []
    for d in decisions:
        for column in ("actual_start", "actual_finish"):
            value = getattr(d, column)
            if d.id not in foreign.get(column, ()) or not isinstance(value, dt.date):
                continue
            end = column == "actual_finish" and not d.milestone
            weeks = placing.at(value, finish=end)
            if end:
                ends.append((value, weeks))
            setattr(d, column, exact_actual(plan.start_date, weeks))
    if ends:
        n = len(ends)
        day, weeks = ends[0]
        report.add(
            "progress",
            f"{count(n, 'actual finish date')} {agree(n, 'is', 'are')} the end of {agree(n, 'its', 'their')} day, as "
            f"the file's tool writes {agree(n, 'it', 'them')}: the plan places {agree(n, 'it', 'them')} where that "
            "day's work ends, in working weeks from the plan start as the durations count "
            f"({format_date(day)} is week {format_weeks(weeks)})",
        )


def _row_baseline(
    plan: Plan,
    by_id: dict[str, Decision],
    cells: dict[str, tuple[Any, Any]],
    formats: list[str],
    origin: dt.date,
    linked: set[str],
    report: ImportReport,
) -> None:
    """The file's 'Baseline Start'/'Baseline Finish' columns as the plan's baseline 'Baseline', placed as the
    start and finish columns are (Monday-to-Friday working weeks from the plan start; a finish at the end of its
    day), so that analyze --baseline, the report's variance and the late-work findings measure against it."""
    entries: dict[str, BaselineEntry] = {}
    for did, (a, b) in cells.items():
        first, last = _date_cell(a, formats), _date_cell(b, formats)
        if first is None or last is None or did not in by_id:
            continue
        at = max(0, _working_days(origin, first)) / 5
        end = max(at, _working_days(origin, last + dt.timedelta(days=1)) / 5)
        if by_id[did].milestone:  # a moment, as the done milestones above
            at = end = end if did in linked else at
        entries[did] = BaselineEntry(start=at, finish=end)
    if not entries:
        report.add("baseline", "the baseline columns hold no dates that could be read; not carried")
        return
    finish = max(e.finish for e in entries.values())
    plan.baselines = [Baseline(name="Baseline", finish=finish, decisions=entries)]
    missing = len(by_id) - len(entries)
    day = week_to_date(plan.start_date, finish) if plan.start_date else None
    report.add(
        "baseline",
        f"the file's baseline dates are the plan's baseline 'Baseline' ({count(len(entries), 'row')}, finish week "
        f"{format_weeks(finish)}{f' ({format_date(day)})' if day else ''})"
        + (f"; {count(missing, 'row')} {agree(missing, 'has', 'have')} none" if missing else ""),
    )


def _plan_dates(plan: Plan, keys: list[str], rows: list[tuple[int, Sequence[Any]]], path: Any) -> None:
    """The plan's start date, status date and currency from the :data:`PLAN_COLUMNS` of the planner's own export (the
    first row that has them)."""
    for column in PLAN_COLUMNS:
        if column not in keys:
            continue
        at = keys.index(column)
        found = next(((line, c[at]) for line, c in rows if at < len(c) and c[at] not in (None, "")), None)
        if found is None:
            continue
        line, cell = found
        if column == "plan_currency":
            code = str(cell).strip().upper()
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise InteropError(
                    path,
                    f"line {line}: plan_currency {quoted(str(cell)[:40])} is not a currency code",
                    hint="write its three letters (EUR, USD, GBP) or leave the cell empty",
                )
            plan.currency = code
            continue
        value = _actual_value(cell, column, f"line {line}", path)
        if column == "plan_start_date":
            if not isinstance(value, dt.date):
                raise InteropError(
                    path, f"plan_start_date {quoted_cell(cell)} is not a date", hint="write it as YYYY-MM-DD"
                )
            plan.start_date = value
        else:
            plan.status_date = value


def check_row_count(rows: Sequence[tuple[int, Sequence[Any]]], path: Any) -> None:
    """Refuse, before any decision is built, a table with more rows that hold something than a plan may have
    decisions (a 1,000,000-row CSV took 80 s and 3 GB to be refused by the plan model)."""
    from planner.model.limits import MAX_DECISIONS

    if len(rows) <= MAX_DECISIONS:
        return
    filled = 0
    for line, cells in rows:
        if any(c not in (None, "") for c in cells):
            filled += 1
            if filled > MAX_DECISIONS:
                raise InteropError(
                    path,
                    f"line {line}: more rows than the {MAX_DECISIONS:,} decisions a plan may have",
                    hint="split the project and import it in parts",
                )


LEVEL_HEADERS = {"outline level", "outline_level", "task level"}
PARENT_HEADERS = {
    "übergeordnete aufgabe",
    "tâche parente",
    "parent id",
    "parent task",
    "parent task id",
    "parent",
    "parent_id",
    "parent issue",
    "parent item",
}
"""A subtask's parent (ClickUp's "Parent ID", Asana's "Parent task" by name, Jira's "Parent" by issue id, Redmine's "Parent task"
and Linear's "Parent issue" by id, Notion's "Parent item" by page, a plain "Parent" column): a row that rows name as their parent is a summary, as a row with rows under it at a deeper outline
level."""
_DEPTH_DASHES = re.compile(r"^(?:-{1,}|[–—]{1,})\s+(?=\S)")
"""A title's leading dashes and space showing its outline depth in an export with a level column ('-- Interviews')."""
NUMBER_HEADERS = {"outline number", "outline_number", "wbs"}
"""Outline columns of other tools' exports (MS Project's Outline Level, GanttProject's Outline number, a WBS code):
a row with rows under it at a deeper level is a summary."""


def _summary_lines(
    keys: Sequence[str], rows: Sequence[tuple[int, Sequence[Any]]]
) -> dict[int, tuple[int, bool]]:
    """Line -> (outline level, is a summary) for the rows an outline column places; empty without such a column."""
    col = next((i for i, k in enumerate(keys) if k in LEVEL_HEADERS | NUMBER_HEADERS), None)
    if col is None:
        return {}
    by_number = keys[col] in NUMBER_HEADERS
    placed: list[tuple[int, int]] = []
    for line, cells in rows:
        text = str(cells[col] if col < len(cells) and cells[col] is not None else "").strip()
        if by_number and re.fullmatch(r"\d+(?:\.\d+)*", text):
            placed.append((line, text.count(".") + 1))
        elif not by_number and re.fullmatch(r"\d+(?:\.0+)?", text) and 0 < float(text) < 1000:
            placed.append((line, int(float(text))))
    out = {line: (level, False) for line, level in placed}
    for (line, level), (_, after) in zip(placed, placed[1:], strict=False):
        if after > level:
            out[line] = (level, True)
    return out


def _parent_structure(
    keys: Sequence[str],
    header: Sequence[Any],
    rows: Sequence[tuple[int, Sequence[Any]]],
    report: ImportReport,
) -> tuple[set[int], dict[int, list[tuple[int, str]]]]:
    """The lines of parent rows (named by another row's parent column, by id or title) and, per line, the lines and
    titles of the row's ancestors from the top; empty without a parent column. Rows that name each other as their
    parent, in a loop (a row its own parent too), are put at the top level, said in one report line naming them,
    as the XER import does for a loop of WBS elements."""
    col = next((i for i, k in enumerate(keys) if k in PARENT_HEADERS), None)
    if col is None:
        return set(), {}
    id_col = keys.index("id") if "id" in keys else None
    title_col = keys.index("title") if "title" in keys else id_col

    def cell(cells: Sequence[Any], i: int | None) -> str:
        return str(cells[i] if i is not None and i < len(cells) and cells[i] is not None else "").strip()

    issue_col = keys.index("issue id") if "issue id" in keys else None  # Jira's "Parent" holds the issue id
    by_name: dict[str, int] = {}  # a row's id, Jira issue id or title (casefolded) -> its line
    for line, cells in rows:
        for name in (cell(cells, id_col), cell(cells, issue_col), cell(cells, title_col).casefold()):
            if name:
                by_name.setdefault(name, line)
    # (Notion's "Parent item" names its page with its link: "Data audit (https://www.notion.so/Data-audit-2b7e...)")
    named_parent = {line: p for line, cells in rows if (p := _PAGE_LINK.sub("", cell(cells, col)).strip())}

    def find(p: str) -> int | None:
        """The row a parent cell names: by id, title, or an id after '#' ('#13', OpenProject's 'Phase #13: Build')."""
        if p in by_name or p.casefold() in by_name:
            return by_name.get(p, by_name.get(p.casefold()))
        m = re.match(r"^(?:[^\W\d_][\w ]*?\s)?#(\w[\w.-]*)(?::|$)", p)
        return by_name.get(m.group(1)) if m else None

    parent_of = {line: find(p) for line, p in named_parent.items()}
    title_of = {line: cell(cells, title_col) for line, cells in rows}
    unknown = [line for line, at in parent_of.items() if at is None]
    if unknown:
        n = len(unknown)
        named = some(
            (
                f"line {line} {quoted(title_of.get(line, ''))} names {quoted(named_parent[line])}"
                for line in unknown
            ),
            3,
        )
        report.add(
            "format",
            f"{count(n, 'row')} {agree(n, 'names', 'name')} a parent the file does not have (column "
            f"{quoted(str(header[col]).strip())}: {named}); {agree(n, 'it is', 'they are')} put at the top level",
        )
    looped = _parent_loops(parent_of)
    if looped:
        for line in looped:
            parent_of[line] = None
        n = len(looped)
        named = some((f"line {line} {quoted(title_of.get(line, ''))}" for line in looped), 8)
        report.add(
            "format",
            f"{count(n, 'row')} ({named}) "
            f"{agree(n, 'names itself', 'name each other')} as {agree(n, 'its', 'their')} parent "
            f"(column {quoted(str(header[col]).strip())}) and {agree(n, 'forms', 'form')} a loop of parents; "
            f"{agree(n, 'it is', 'they are')} put at the top level: correct the parent column to nest "
            f"{agree(n, 'it', 'them')}",
        )
    ancestors: dict[int, list[tuple[int, str]]] = {}
    for line in parent_of:
        chain: list[tuple[int, str]] = []
        at = parent_of.get(line)
        while at is not None and at != line and len(chain) < 1_000 and all(at != a for a, _ in chain):
            chain.append((at, title_of.get(at, "")))
            at = parent_of.get(at)
        ancestors[line] = list(reversed(chain))
    return {p for p in parent_of.values() if p is not None}, ancestors


def _parent_loops(parent_of: dict[int, int | None]) -> list[int]:
    """The lines on a loop of ``parent_of`` (each row's parent row), in line order; not the rows below a loop,
    which only lead into it. Each row is visited once, without recursion.

    >>> _parent_loops({2: 3, 3: 2, 4: 2, 5: None, 6: 6})
    [2, 3, 6]
    """
    state: dict[int, int] = {}  # 1: on the walk being made, 2: done
    looped: list[int] = []
    for first in parent_of:
        walk: list[int] = []
        at: int | None = first
        while at is not None and at not in state:
            state[at] = 1
            walk.append(at)
            at = parent_of.get(at)
        if at is not None and state[at] == 1:  # the walk met itself: from there on, a loop
            looped.extend(walk[walk.index(at) :])
        for line in walk:
            state[line] = 2
    return sorted(looped)


def text_indents(
    header: Sequence[Any], rows: Sequence[tuple[int, Sequence[Any]]]
) -> dict[int, dict[int, int]]:
    """Line -> {title column: depth} where a text file indents its task names with leading spaces (TaskJuggler's CSV
    reports, plans typed in a spreadsheet and saved as CSV), for :func:`outline_from_sheet`. Empty unless the
    indents form an outline: the first row unindented, every indent a multiple of the smallest, which is at least
    two spaces, none deeper than one step below the row before it (stray spaces in a few names are not a
    hierarchy)."""
    keys = [_norm_header(h) for h in header]
    title_at = keys.index("title") if "title" in keys else keys.index("id") if "id" in keys else 0
    leads: list[tuple[int, int]] = []
    for line, cells in rows:
        cell = cells[title_at] if title_at < len(cells) else ""
        text = cell if isinstance(cell, str) else ""
        if text.strip():
            leads.append((line, len(text) - len(text.lstrip(" "))))
    steps = {lead for _, lead in leads if lead}
    if not steps or not leads or leads[0][1]:
        return {}
    step = math.gcd(*steps)
    if step < 2:  # one space is a typing slip (or the space after a comma), not an indent
        return {}
    before = 0
    for _, lead in leads:
        if lead % step or lead > before + step:
            return {}
        before = lead
    return {line: {title_at: lead // step} for line, lead in leads if lead}


def outline_from_sheet(
    header: Sequence[Any],
    rows: list[tuple[int, Sequence[Any]]],
    levels: dict[int, int],
    indents: dict[int, dict[int, int]],
    report: ImportReport,
) -> tuple[Sequence[Any], list[tuple[int, Sequence[Any]]]]:
    """A workbook's hierarchy as an "Outline Level" column (read as MS Project's, :func:`_summary_lines`): each row's
    outline level (grouped rows) or the indent of its title cell, whichever is deeper (Smartsheet's Excel export
    keeps a row's parents so). Unchanged when the sheet has an outline column of its own or no row is grouped or
    indented."""
    keys = [_norm_header(h) for h in header]
    if LEVEL_HEADERS & set(keys) or NUMBER_HEADERS & set(keys) or not (levels or indents):
        return header, rows
    title_at = keys.index("title") if "title" in keys else keys.index("id") if "id" in keys else 0
    depth = {line: max(levels.get(line, 0), indents.get(line, {}).get(title_at, 0)) for line, _ in rows}
    if not any(depth.values()):
        return header, rows
    report.add(
        "format",
        "the file's hierarchy (grouped rows, indented task names) is read as an outline: a row with rows under "
        "it is a summary",
    )
    width = len(header)
    return (
        [*header, "Outline Level"],
        [(line, [*cells, *[""] * (width - len(cells)), depth[line] + 1]) for line, cells in rows],
    )


def _grouping_target(
    keys: Sequence[str],
    header: Sequence[Any],
    rows: Sequence[tuple[int, Sequence[Any]]],
    stages: Sequence[tuple[str, str]],
    report: ImportReport,
) -> str | None:
    """Where the file's :data:`GROUPING` column goes: 'stage', 'area', 'status' (every group named as a status: a
    board's columns, Trello's lists To Do / Doing / Done), or None (no such column, or the file has both a stage and
    an area column of its own). Said in the report."""
    if GROUPING not in keys:
        return None
    at = keys.index(GROUPING)
    shown = str(header[at]).strip()
    names = {str(c[at]).strip().casefold() for _, c in rows if at < len(c) and str(c[at] or "").strip()}
    known = {n.casefold() for pair in stages for n in pair}
    target = (
        "stage"
        if names and names <= known and "stage" not in keys
        else "status"
        if names
        and all(
            _status_word(n) is not None or _cancelled(n) for n in names
        )  # (a board's 'Cancelled' list too)
        and any(_status_word(n) is not None for n in names)
        and "status" not in keys
        else "area"
        if "area" not in keys
        else None
    )
    if target == "status":
        report.add(
            "column", f"column {quoted(shown)} names statuses (a board's columns): read as each row's status"
        )
    elif target == "stage":
        report.add("column", f"column {quoted(shown)} names the plan's stages: read as each row's stage")
    elif target == "area":
        report.add(
            "column",
            f"column {quoted(shown)} groups the rows: read as their area, a workstream (stages are the plan's ordered "
            "phases; a group named as a stage would be read as one)",
        )
    else:
        report.add(
            "column", f"column {quoted(shown)} is not carried: the file has stage and area columns of its own"
        )
    return target


_SUMMARY = "\x00summary:"
"""How a link end that names a summary row is kept until its rows are known (no id holds a NUL)."""


def _summary_link_exact(
    pred: str, succ: str, dtype: DependencyType, preds: list[str], succs: list[str]
) -> bool:
    """Whether a link with a summary row at an end is the same as links to or from each of the summary's rows: a
    summary finishes when its last row does (so FS and FF from it hold for each row) and starts with its first (so
    FS and SS to it hold for each row); SS and SF from a summary, FF and SF to one, need its earliest start or
    latest finish alone, which no row's link gives. A summary without rows, or a link between a summary and a row
    under it (a loop), is not carried either."""
    if pred.startswith(_SUMMARY) and dtype not in (DependencyType.FS, DependencyType.FF):
        return False
    if succ.startswith(_SUMMARY) and dtype not in (DependencyType.FS, DependencyType.SS):
        return False
    return bool(preds) and bool(succs) and not set(preds) & set(succs)


def sheet_plan(
    all_rows: Sequence[tuple[int, Sequence[Any]]],
    path: Any,
    report: ImportReport,
    levels: dict[int, int] | None = None,
    indents: dict[int, dict[int, int]] | None = None,
    merged: Sequence[tuple[int, int, int]] = (),
    hidden: Iterable[int] = (),
    *,
    hidden_columns: Iterable[int] = (),
) -> Plan:
    """The plan in a workbook sheet's rows (.xlsx, .ods, .xls): the header row found, the sheet's hierarchy read as an
    outline, the row count checked, the plan titled after the file. ``merged``: the sheet's cells merged over several
    rows, as (first line, last line, column from 0); see :func:`fill_merged_down`. ``hidden``: the lines the sheet
    hides (hidden rows, rows a filter leaves out), read as the others and reported. ``hidden_columns``: the columns
    (from 0) it hides; see :func:`_hidden_columns`."""
    all_rows = fill_merged_down(all_rows, merged, report)
    title = table_title(all_rows, path, report)
    header, rows = split_header(all_rows, report)
    header = _hidden_columns(header, set(hidden_columns), report)
    # rows in a collapsed group are hidden too: that is the outline showing less, not rows put out of sight
    hidden_lines = set(hidden) - set(levels or {})
    out_of_sight = sorted(line for line, cells in rows if line in hidden_lines and _filled(cells))
    if out_of_sight:
        lines = some(map(str, out_of_sight))
        report.add(
            "format",
            f"{count(len(out_of_sight), 'row')} hidden in the sheet (hidden, or left out by a filter: line "
            f"{lines}) {agree(len(out_of_sight), 'was', 'were')} read as the others; delete "
            f"{agree(len(out_of_sight), 'it', 'them')} in the spreadsheet if not part of the plan",
        )
    header, rows = outline_from_sheet(header, rows, levels or {}, indents or {}, report)
    check_row_count(rows, path)
    return rows_to_plan(header, rows, path, report, title)


def _same_column(a: str, b: str) -> bool:
    """True when header names ``a`` and ``b`` give the same plan field (two 'Start' columns, 'Start' and 'Begin')."""
    ka, kb = _norm_header(a), _norm_header(b)
    return ka == kb or any(ka in group and kb in group for group in (START_HEADERS, FINISH_HEADERS))


def _hidden_columns(header: Sequence[Any], hidden: set[int], report: ImportReport) -> Sequence[Any]:
    """The header with a hidden column's name taken away when a shown column gives the same field (a stale 'Start'
    hidden beside the 'Start' the sheet shows: the first of two was read, so the hidden one won); other hidden
    columns are read as the others, and said."""
    names = [str(h).strip() if h is not None else "" for h in header]
    out = list(header)
    dropped: list[str] = []
    kept: list[str] = []
    for j in sorted(hidden):
        if j >= len(names) or not names[j]:
            continue
        shown = next(
            (k for k, n in enumerate(names) if k not in hidden and n and _same_column(names[j], n)), None
        )
        if shown is not None:
            out[j] = ""
            dropped.append(f"{quoted(names[j])} ({j + 1}; {quoted(names[shown])} ({shown + 1}) is shown)")
        elif (
            _norm_header(names[j]) in {*COLUMNS, *_EXTRA_KEYS}
            or names[j].casefold() in START_HEADERS | FINISH_HEADERS
        ):
            kept.append(f"{quoted(names[j])} ({j + 1})")
    if dropped:
        report.add(
            "column",
            f"{count(len(dropped), 'column')} hidden in the sheet {agree(len(dropped), 'is', 'are')} not read: "
            f"{some(dropped, 3)}; the shown one is",
        )
    if kept:
        report.add(
            "column",
            f"{count(len(kept), 'column')} hidden in the sheet ({some(kept, 3)}) {agree(len(kept), 'was', 'were')} "
            f"read as the others; delete {agree(len(kept), 'it', 'them')} in the spreadsheet if not part of the plan",
        )
    return out


def choose_sheet(
    names: Sequence[str], read: Callable[[int], _Sheet], report: ImportReport
) -> tuple[int, _Sheet]:
    """Which sheet of a workbook holds the plan, and its rows (``read(k)``: sheet k's rows first, then anything else
    the reader keeps): the sheet named "Decisions" (the planner's own export), else the first one whose top rows
    name a title or id column (a cover or instructions sheet before the plan is passed over), else the first sheet
    (which :func:`rows_to_plan` then refuses, naming the columns it lacks). Which sheet was read is reported."""
    first = list(names).index("Decisions") if "Decisions" in names else 0
    got = read(first)
    chosen = first
    if "Decisions" not in names and not _has_header(got[0]):
        for k in range(len(names)):
            if k != first and _has_header((other := read(k))[0]):
                chosen, got = k, other
                report.add(
                    "format",
                    f"sheet {quoted(names[first])} names no title or id column in its top rows; sheet {quoted(names[k])}, "
                    f"the first that does, was read (of {len(names)})",
                )
                return chosen, got
    if len(names) > 1:
        report.add("format", f"only sheet {quoted(names[chosen])} was read (of {len(names)})")
    return chosen, got


def _has_header(rows: Sequence[tuple[int, Sequence[Any]]]) -> bool:
    return any(names_a_header(cells) for _, cells in rows[:HEADER_SEARCH_ROWS])


def fill_merged_down(
    rows: Sequence[tuple[int, Sequence[Any]]], merged: Sequence[tuple[int, int, int]], report: ImportReport
) -> list[tuple[int, list[Any]]]:
    """A cell merged over several rows (a Phase or Owner cell spanning its tasks) holds its value for each row it
    covers, as the sheet shows it; the spreadsheet stores it in the first row only, so the others read empty (their
    stage guessed, their owner lost). ``merged``: (first line, last line, column from 0) of each merged range (its
    first column; a range one row high is a title across columns and is left alone). A covered row with nothing
    else in it stays empty."""
    at = {line: k for k, (line, _) in enumerate(rows)}
    out: list[tuple[int, list[Any]]] = [(line, list(cells)) for line, cells in rows]
    filled, first = 0, ""
    for top, bottom, col in merged:
        if bottom <= top or top not in at or col >= len(out[at[top]][1]):
            continue
        value = out[at[top]][1][col]
        if value is None or value == "":
            continue
        for line in range(top + 1, bottom + 1):
            if line not in at:
                continue
            cells = out[at[line]][1]
            if not any(c is not None and c != "" for j, c in enumerate(cells) if j != col):
                continue
            cells.extend([""] * (col + 1 - len(cells)))
            if cells[col] is None or cells[col] == "":
                cells[col] = value
                if not names_a_header(out[at[top]][1]):  # (a header's name merged down: see _two_row_header)
                    filled += 1
                    first = first or f"line {line}, column {col + 1}: {quoted(str(value)[:30])}"
    if filled:
        report.add(
            "format",
            f"{count(filled, 'cell')} under a cell merged over several rows {agree(filled, 'was', 'were')} read "
            f"as the merged cell's value, as the sheet shows {agree(filled, 'it', 'them')} (first: {first})",
        )
    return out


TITLE_ROWS = ("plan name", "project name")
"""The first cell of a row above the header that names the plan (Microsoft Planner's "Export plan to Excel":
"Plan name", then the plan's name in the next cell; Project for the web's "Export to Excel": "Project name")."""


def table_title(rows: Sequence[tuple[int, Sequence[Any]]], path: Any, report: ImportReport) -> str:
    """The imported plan's title: the name a row above the header gives it (see :data:`TITLE_ROWS`), else the file's
    name without its suffix."""
    for line, cells in rows[:HEADER_SEARCH_ROWS]:
        if names_a_header(cells):
            break
        filled = _filled(cells)
        if len(filled) >= 2 and filled[0].casefold().rstrip(":") in TITLE_ROWS:
            report.add(
                "format",
                f"the plan's title {quoted(filled[1][:300])} is read from line {line} ({quoted(filled[0])})",
            )
            return filled[1][:300]
    return os.path.splitext(os.path.basename(str(path)))[0] or "Imported plan"


_RANGE = re.compile(r"\s*(.+?)\s*(?:\s[-\u2013\u2014]\s|\u2192|->)\s*(.+?)\s*")
"""A date range in one cell: monday.com's "2024-01-15 - 2024-02-02", Notion's "January 15, 2024 → January 19,
2024"."""
RANGE_HEADERS = {"timeline", "dates", "date range"}
"""Columns of date ranges (monday.com's "Timeline", Notion's "Dates"); a "Date" column too when a cell holds a
range."""


def _split_timeline(
    header: Sequence[Any], rows: list[tuple[int, Sequence[Any]]], report: ImportReport | None = None
) -> tuple[Sequence[Any], list[tuple[int, Sequence[Any]]]]:
    """A column of date ranges (:data:`RANGE_HEADERS`; one date for a one-day range) as two columns, "Timeline -
    Start" and "Timeline - End" (what monday.com's CSV export writes), when the file has no start column."""
    keys = [_norm_header(h) for h in header]
    at = next((i for i, k in enumerate(keys) if k in RANGE_HEADERS), None)
    if at is None and "date" in keys:
        at = keys.index("date")
        if not any(isinstance(c[at], str) and _RANGE.fullmatch(c[at]) for _, c in rows if at < len(c)):
            at = None
    if at is None or any(k in START_HEADERS for k in keys):
        return header, rows
    if keys[at] != "timeline" and report is not None:
        report.add(
            "column",
            f"column {quoted(str(header[at]).strip())} holds date ranges ('start \u2192 end'): read as each row's start "
            "and finish",
        )

    def split(cell: Any) -> list[Any]:
        if not isinstance(cell, str):
            return [cell, cell]
        m = _RANGE.fullmatch(cell)
        return [m.group(1), m.group(2)] if m else [cell, cell]

    def widen(cells: Sequence[Any]) -> list[Any]:
        cells = list(cells)
        return cells[:at] + split(cells[at] if at < len(cells) else None) + cells[at + 1 :]

    return (
        [*header[:at], "Timeline - Start", "Timeline - End", *header[at + 1 :]],
        [(line, widen(cells)) for line, cells in rows],
    )


def _guessed_columns(
    keys: list[str], header: Sequence[Any], rows: Sequence[tuple[int, Sequence[Any]]], report: ImportReport
) -> None:
    """Leave out (in ``keys``) a number column known only by another tool's name for it ("Completion", "% Complete")
    whose cells are not all numbers: the name was a guess, so the column is ignored and reported rather than the
    file refused (a 'Completion' column of dates). So is an actual-date column known by another tool's name
    ("Started", "Completed": Linear's timestamps) whose cells are not all dates (a 'Completed' column of yes/no, or
    of 1/0: weeks are the plan's own columns' way, not another tool's). The plan's own column names, and the
    export's names for them (``likely (weeks)``, ``run_rate (per week)``), are never second-guessed: a bad cell
    there is refused with its line."""
    own = set(_HEADERS.values())
    for k, h in enumerate(header):
        key = keys[k] if k < len(keys) else ""
        dates = key in ("actual_start", "actual_finish")
        name = re.sub(r"\s+", " ", str(h or "").strip().lower())
        if (key not in NUMERIC and not dates) or name not in _ALIASES or name in own:
            continue
        for _line, cells in rows:
            if k < len(cells):
                c = cells[k]
                try:
                    # an actual date's column of another tool holds dates: weeks are the plan's own columns' way
                    # (a 'Completed' checkbox of 1/0 made every row done, the 'not completed' at week 0)
                    if dates:
                        read = (
                            not _has_cell(c)
                            or _date_cell(c, _DATE_FORMATS) is not None
                            or (
                                not isinstance(c, bool)
                                and isinstance(_actual_value(c, key, "", None), dt.date)
                            )
                        )
                    else:
                        _number(c, key, "", None)  # (refuses what is not a number)
                        read = True
                except InteropError:
                    read = False
                if not read:
                    keys[k] = ""
                    report.add(
                        "column",
                        f"column {quoted(str(h))} does not hold {'dates' if dates else 'numbers'} (such as {quoted_cell(c)}); ignored",
                    )
                    break


def _release_column(
    keys: list[str], header: Sequence[Any], rows: Sequence[tuple[int, Sequence[Any]]], report: ImportReport
) -> None:
    """Leave out (in ``keys``) a milestone column none of whose filled cells says yes or no: it names releases
    (GitHub's and GitLab's "Milestone": 'v1', 'Sprint 3'), which a yes/no reading would turn into a warning per row
    and no milestone."""
    if "milestone" not in keys:
        return
    at = keys.index("milestone")
    filled = [c for _, c in rows if at < len(c) and _has_cell(c[at])]
    if not filled or any(
        isinstance(c[at], bool | int | float) or str(c[at]).strip().casefold() in _YES | _NO for c in filled
    ):
        return
    keys[at] = ""
    report.add(
        "column",
        f"column {quoted(str(header[at]).strip())} names releases (such as {quoted(str(filled[0][at]).strip()[:40])}), not yes "
        "or no: not carried (a milestone is a row of 0 duration)",
    )


_MERGED_KEYS = {"depends_on", BLOCKS, "tags"}
"""Fields a column repeated once per item gives together (Jira's links and labels); any other field read from two
columns takes a row's last filled cell of them (see :func:`_repeated_columns`)."""


def _repeated_columns(keys: Sequence[str], header: Sequence[Any], report: ImportReport) -> None:
    """Say which field two or more columns give ('Name' and 'Vorgangsname' are both the title): a row's last filled
    cell of them is read, the others not."""
    read = [k for k in keys if (k in COLUMNS or k in ("duration", GROUPING)) and k not in _MERGED_KEYS]
    for key in dict.fromkeys(k for k in read if read.count(k) > 1):
        names = [
            f"{quoted(str(h).strip())} ({j + 1})"
            for j, (h, k) in enumerate(zip(header, keys, strict=False))
            if k == key
        ]
        which = "both" if len(names) == 2 else "all"
        report.add(
            "column",
            f"columns {', '.join(names[:-1])} and {names[-1]} {which} give the {key.replace('_', ' ')}: each row's "
            "last filled cell of them is read, the others are not",
        )
    for names_of, what in ((START_HEADERS, "start dates"), (FINISH_HEADERS, "finish dates")):
        names = [
            f"{quoted(str(h).strip())} ({j + 1})"
            for j, (h, k) in enumerate(zip(header, keys, strict=False))
            if k in names_of
        ]
        if len(names) > 1:
            report.add(
                "column",
                f"columns {', '.join(names[:-1])} and {names[-1]} {'both' if len(names) == 2 else 'all'} give the "
                f"{what}: the first is read, the {'other is' if len(names) == 2 else 'others are'} not",
            )


_WORK_DONE_AND_LEFT = (("completed work", "remaining work"), ("time spent", "remaining estimate"))
"""The work done and the work left, in one unit, as trackers log them (Azure DevOps' hours; Jira's seconds)."""
_TITLE_LEVEL = re.compile(r"title (\d{1,2})")


def _work_items(
    header: Sequence[Any], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> tuple[Sequence[Any], list[tuple[int, Sequence[Any]]]]:
    """Azure DevOps' query results as CSV. A tree query writes each work item's title in the column of its depth
    ("Title 1" for an Epic, "Title 2" for a Feature under it, ...): read as one Title column and an "Outline Level"
    column (a row with rows under it at a deeper level is a summary, as in MS Project's outline). Its "Completed
    Work" and "Remaining Work" (hours), and Jira's "Time Spent" and "Remaining Estimate", give a row's % complete
    when the file has no % complete column, as those tools roll progress up by them. Unchanged for any other
    table."""
    keys = [_norm_header(h) for h in header]
    levels = {i: int(m.group(1)) for i, k in enumerate(keys) if (m := _TITLE_LEVEL.fullmatch(k))}
    out_header, out_rows = list(header), [(line, list(cells)) for line, cells in rows]
    if levels and "title" not in keys:
        at = min(levels)
        cols = sorted(levels, key=levels.__getitem__)
        for _, cells in out_rows:
            cells.extend([""] * (len(out_header) - len(cells)))
            depth = next((levels[i] for i in cols if str(cells[i] or "").strip()), None)
            title = next((str(cells[i]).strip() for i in cols if str(cells[i] or "").strip()), "")
            for i in cols:
                cells[i] = ""
            cells[at] = title
            cells.append("" if depth is None else depth)
        names = [str(header[i]).strip() for i in cols]
        out_header[at] = "Title"
        for i in cols:
            if i != at:
                out_header[i] = ""  # (read into the title: no column of its own)
        out_header.append("Outline Level")
        report.add(
            "format",
            f"the title columns {', '.join(quoted(n) for n in names)} (Azure DevOps' tree of work items) are read as "
            "an outline: each row's title is the one it fills, its depth the column's number",
        )
    pair = next(((d, r) for d, r in _WORK_DONE_AND_LEFT if d in keys and r in keys), None)
    if "progress" not in keys and pair is not None:
        done, left = keys.index(pair[0]), keys.index(pair[1])
        status = next(
            (i for i, k in enumerate(keys) if (k if k == "status" else _ALIASES.get(k)) == "status"), None
        )
        read = 0
        for _, cells in out_rows:
            cells.extend([""] * (len(out_header) - len(cells)))
            # The work left must be given (an empty Remaining Estimate is not known, not none: an issue in progress
            # with an hour logged was read as 100 % done); a row whose status says done or not started keeps it
            # (Jira leaves a Done issue's remaining estimate as it was: 25 % for a done issue).
            said = _status_word(str(cells[status] or "")) if status is not None else None
            with contextlib.suppress(ValueError):
                rest = float(str(cells[left] or 0).replace(",", "."))
                spent = float(str(cells[done] or 0).replace(",", "."))
                if (
                    rest + spent > 0
                    and rest >= 0
                    and spent >= 0
                    and _has_cell(cells[left])
                    and said not in (Status.DONE, Status.NOT_STARTED)
                ):
                    cells.append(
                        f"{round(100 * spent / (spent + rest), 9):g}%"
                    )  # (a percentage, not a fraction)
                    read += 1
                    continue
            cells.append("")
        out_header.append("% Complete")
        shown = [str(header[i]).strip() for i in (done, left)]
        for i in (left, done):
            out_header[i] = ""
        if read:
            report.add(
                "progress",
                f"{count(read, 'row')}: % complete is {quoted(shown[0])} over {quoted(shown[0])} plus {quoted(shown[1])}, as Azure "
                "DevOps and Jira roll progress up",
            )
    if out_header == list(header):
        return header, rows
    return out_header, [(line, cells) for line, cells in out_rows]


RELATIONS = {"related issues", "relations", "zugehörige tickets", "demandes liées"}
"""A column of typed relations to other rows by id, as Redmine's issue CSV writes them ("Follows #12, Precedes (2
days) #15, Related to #3"; OpenProject's "Relations" alike): see :func:`_relations`."""
_RELATION = re.compile(
    r"^(?P<kind>[^\W\d_][^\d#(]*?)\s*"
    r"(?:\((?P<delay>-?\d+(?:\.\d+)?|un)\s*(?:days?|tage?n?|jours?)\)\s*)?#(?P<id>\w[\w.-]*)$",
    re.IGNORECASE,
)
_RELATION_KINDS = {
    "follows": "depends_on", "blocked by": "depends_on", "precedes": BLOCKS, "blocks": BLOCKS,
    # Redmine in German and French (its de.yml and fr.yml: label_follows, label_precedes, label_blocks, ...)
    "folgt": "depends_on", "blockiert durch": "depends_on", "vorgänger von": BLOCKS, "blockiert": BLOCKS,
    "suit": "depends_on", "bloqué par": "depends_on", "précède": BLOCKS, "bloque": BLOCKS,
}  # fmt: skip
"""Redmine's relation labels that order work: 'follows #12' (12 first; 'precedes' its twin, read as a Blocks
cell), 'blocked by #12' ('blocks' its twin). 'Related to', 'Duplicates', 'Copied to'... say nothing of order."""


def _relations(
    header: Sequence[Any], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> tuple[Sequence[Any], list[tuple[int, Sequence[Any]]]]:
    """A :data:`RELATIONS` column as a predecessors column and a blocks column (the rows' links, read as those
    are; a delay of Redmine's 'precedes' relation, in working days, is the link's lag). Relations that do not order
    work are counted and reported, not carried, as is any item that is not a relation. Unchanged without such a
    column."""
    keys = [_norm_header(h) for h in header]
    at = next((i for i, k in enumerate(keys) if k in RELATIONS), None)
    if at is None:
        return header, rows
    out: list[tuple[int, Sequence[Any]]] = []
    others: dict[str, int] = {}  # relation kind -> how many, not carried
    unread: list[str] = []
    for line, cells in rows:
        after: list[str] = []
        before: list[str] = []
        text = str(cells[at] if at < len(cells) and cells[at] is not None else "")
        for item in (x.strip() for x in text.split(",")):
            if not item:
                continue
            for label, kind in _RELATION_ROW_KINDS.items():  # OpenProject 15's 'Predecessor (before) #13'
                if item.casefold().startswith(label):
                    item = kind + item[len(label) :]
            m = _RELATION.match(item)
            kind = re.sub(r"\s+", " ", m.group("kind").strip().casefold()) if m else ""
            if m is None:
                unread.append(f"line {line} {quoted(item[:40])}")
            elif kind not in _RELATION_KINDS:
                others[kind] = others.get(kind, 0) + 1
            else:
                delay = "1" if (m.group("delay") or "").casefold() == "un" else m.group("delay")  # 'un jour'
                lag = f" +{delay}d" if delay else ""
                lag = lag.replace("+-", "-")
                (after if _RELATION_KINDS[kind] == "depends_on" else before).append(m.group("id") + lag)
        out.append((line, [*cells, *[""] * (len(header) - len(cells)), ", ".join(after), ", ".join(before)]))
    shown = str(header[at]).strip()
    report.add(
        "link",
        f"column {quoted(shown)} holds relations by id: 'follows' and 'blocked by' are read as predecessors, 'precedes' "
        "and 'blocks' as successors (a delay in days is the lag, in working days)",
    )
    if others:
        kinds = some(f"{n} {quoted(kind)}" for kind, n in sorted(others.items()))
        report.add("link", f"relations that do not order work are not carried ({kinds})")
    if unread:
        report.add(
            "link",
            f"{count(len(unread), 'relation')} could not be read and {agree(len(unread), 'is', 'are')} not "
            f"carried ({some(unread, 3)}): write 'follows #ID' or 'precedes #ID'",
        )
    new_header = [*header, "Predecessors", "Blocks"]
    new_header[at] = ""
    return new_header, out


_RELATION_ROW_KINDS = {"predecessor (before)": "follows", "successor (after)": "precedes"}
"""OpenProject's newer labels of its 'follows' and 'precedes' relations (its 15.x releases), as :func:`_relations`
reads the older ones."""


def _relation_rows(
    header: Sequence[Any], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> tuple[Sequence[Any], list[tuple[int, Sequence[Any]]]]:
    """OpenProject's export to Excel with "Include relations" ticked: each work package's columns, then a 'Relation
    type', 'Lag' (or 'Delay', in days) and 'Description', then the related work package's columns again; one row per
    relation, the work package's columns repeated on each (one row with empty relation cells when it has none), a
    parent and its children as 'parent of' / 'child of' rows. Read as one row per work package (its first), with its
    relations as a :data:`RELATIONS` column ('Follows (2 days) #43', read by :func:`_relations`) and its parent from
    its 'child of' row. Unchanged without a 'Relation type' column after an id column."""
    keys = [_norm_header(h) for h in header]
    if "relation type" not in keys:
        return header, rows
    rt = keys.index("relation type")
    if "id" not in keys[:rt]:
        return header, rows
    own_id = keys.index("id")

    def cell(cells: Sequence[Any], i: int | None) -> str:
        return _cell_text(cells[i]) if i is not None and i < len(cells) else ""

    start = 1 if keys[0] in ("", "work packages") and not any(cell(c, 0) for _, c in rows) else 0
    end = rt - 1 if rt and keys[rt - 1] in ("", "relations") else rt
    own = list(range(start, end))
    lag_at = rt + 1 if rt + 1 < len(keys) and keys[rt + 1] in ("lag", "delay") else None
    note_at = next((i for i in (rt + 1, rt + 2, rt + 3) if i < len(keys) and keys[i] == "notes"), None)
    after = max(i for i in (rt, lag_at, note_at) if i is not None) + 1
    other_id = next((i for i in range(after, len(keys)) if keys[i] == "id"), after + own_id - start)
    order: list[str] = []
    first: dict[str, tuple[int, list[Any]]] = {}
    items: dict[str, list[str]] = {}
    parent: dict[str, str] = {}
    notes: set[frozenset[str]] = set()  # the relations with a description (each given on both its rows)
    unread_lags: list[str] = []
    for line, cells in rows:
        wp = cell(cells, own_id)
        if not wp:
            order.append(f"\0{line}")  # a row without an id (a note, a total): kept as it is
            first[order[-1]] = (line, [cells[i] if i < len(cells) else None for i in own])
            continue
        if wp not in first:
            order.append(wp)
            first[wp] = (line, [cells[i] if i < len(cells) else None for i in own])
            items[wp] = []
        kind, other = re.sub(r"\s+", " ", cell(cells, rt)).strip(), cell(cells, other_id).lstrip("#")
        if not kind or not other:
            continue
        if cell(cells, note_at):
            notes.add(frozenset((wp, other)))
        if kind.casefold() == "child of":
            parent.setdefault(wp, other)
        elif kind.casefold() != "parent of":  # (the child's row says it)
            lag = cell(cells, lag_at)
            if lag and not re.fullmatch(r"-?\d+(?:\.\d+)?", lag):
                unread_lags.append(f"line {line} {quoted(lag[:20])}")
                lag = ""
            days = f" ({lag} days)" if lag and float(lag) != 0 else ""
            items[wp].append(f"{_RELATION_ROW_KINDS.get(kind.casefold(), kind)}{days} #{other}")
    with_parent = bool(parent) and not any(keys[i] in PARENT_HEADERS for i in own)
    new_header = [header[i] for i in own] + ["Relations"] + (["Parent"] if with_parent else [])
    out: list[tuple[int, Sequence[Any]]] = []
    for wp in order:
        line, cells = first[wp]
        extra = [", ".join(items.get(wp, []))] + ([parent.get(wp, "")] if with_parent else [])
        out.append((line, [*cells, *extra]))
    report.add(
        "format",
        f"the sheet lists each work package once per relation (OpenProject's export with relations): "
        f"{count(len(rows), 'row')} read as {count(len(items), 'work package')}, their relations from column "
        f"{quoted(str(header[rt]).strip())}"
        + (" and their parents from its 'child of' rows" if with_parent else ""),
    )
    if notes:
        report.add("link", f"the descriptions of {count(len(notes), 'relation')} are not carried")
    if unread_lags:
        n = len(unread_lags)
        report.add(
            "lag",
            f"{count(n, 'lag')} {agree(n, 'is', 'are')} not a number of days ({some(unread_lags, 3)}): read as "
            "no lag",
        )
    return new_header, out


_NUMBERED = re.compile(
    r"^(?:dependenton(\d+)_(project_task_id|external_task_id|linktype)|resource(\d+)_unixname)$"
)
"""FusionForge's (and GForge's) task CSV: each task's predecessors in numbered column triples
(``dependenton1_project_task_id``, ``dependenton1_external_task_id``, ``dependenton1_linktype`` ... 5) and its
assignees in ``resource1_unixname`` ... ``resource5_unixname`` (its ``pm/downloadcsv.php``)."""


def _cell_text(cell: Any) -> str:
    """A cell as text; a workbook's whole number (101.0) as the number it shows."""
    return num_text(cell) if isinstance(cell, float) else str(cell if cell is not None else "").strip()


def _numbered_links(
    header: Sequence[Any], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> tuple[Sequence[Any], list[tuple[int, Sequence[Any]]]]:
    """FusionForge's numbered link and assignee columns (:data:`_NUMBERED`) as one predecessors column (each
    ``dependenton<N>_project_task_id`` with its ``dependenton<N>_linktype``: ``101 SS``) and one assignee list
    (``alice, bob``: the first is the owner). A link given only by the external application's id
    (``dependenton<N>_external_task_id``, which FusionForge's own export leaves empty) is counted and reported, not
    carried. Unchanged without such columns."""
    names = [re.sub(r"\s+", " ", str(h or "").strip().lower()).lstrip("\ufeff") for h in header]
    links: dict[int, dict[str, int]] = {}  # N -> part -> column
    people: list[tuple[int, int]] = []  # (N, column)
    for i, name in enumerate(names):
        m = _NUMBERED.match(name)
        if m is None:
            continue
        if m.group(1):
            links.setdefault(int(m.group(1)), {})[m.group(2)] = i
        else:
            people.append((int(m.group(3)), i))
    triples = [links[n] for n in sorted(links) if "project_task_id" in links[n]]
    if not triples and not people:
        return header, rows
    assignees = [i for _, i in sorted(people)]
    out: list[tuple[int, Sequence[Any]]] = []
    external_only: list[str] = []  # links named by the external id alone: line and id
    for line, cells in rows:
        padded = [*cells, *[""] * (len(header) - len(cells))]
        after: list[str] = []
        for t in triples:
            pred = _cell_text(padded[t["project_task_id"]])
            kind = _cell_text(padded[t["linktype"]]) if "linktype" in t else ""
            if pred:
                after.append(f"{pred} {kind}".strip())
            elif "external_task_id" in t and (other := _cell_text(padded[t["external_task_id"]])):
                external_only.append(f"line {line} {quoted(other[:20])}")
        names_in_row = [n for i in assignees if (n := _cell_text(padded[i]))]
        out.append((line, [*padded, ", ".join(after), ", ".join(names_in_row)]))
    if external_only:
        report.add(
            "link",
            f"{count(len(external_only), 'link')} given only by the external task id ('dependenton..._external_"
            f"task_id': {some(external_only, 3)}) {agree(len(external_only), 'is', 'are')} not carried: the links "
            "are read by 'dependenton..._project_task_id', the ids of the 'project_task_id' column",
        )
    new_header = [*header, "Predecessors" if triples else "", "Assigned To" if people else ""]
    for part in [*(i for t in triples for i in t.values()), *assignees]:
        new_header[part] = ""
    return new_header, out


TYPE_HEADERS = {"type", "work item type", "tracker", "issue type", "task type", "item type"}
"""A tracker's item type column (OpenProject's Type, Azure DevOps' Work Item Type, Redmine's Tracker, Jira's Issue
Type): an item whose type is one of :data:`MILESTONE_TYPES` is a milestone."""
MILESTONE_TYPES = {
    "milestone",
    "release",  # Pivotal Tracker's release markers
    "meilenstein",
    "jalon",
    "hito",
    "mijlpaal",
    "marco",
    "cardine",
    "pietra miliare",
}
_TEMPLATE_NOTE = re.compile(
    r"^(?:insert|add) (?:new |more )?(?:rows?|tasks?) (?:above|below|here)\b", re.IGNORECASE
)
"""The last row of Excel's Gantt chart templates ("Insert new rows ABOVE this one"): an instruction, not a task."""
_WEEKDAY_HEADERS = {"m", "t", "w", "f", "s", "mo", "tu", "we", "th", "fr", "sa", "su", "mon", "tue", "wed", "thu",
                    "fri", "sat", "sun"}  # fmt: skip


def _grid_date(h: Any) -> dt.date | None:
    """The date a column header gives (a date cell, or text that reads as a date), or None."""
    if isinstance(h, dt.datetime):
        return h.date()
    if isinstance(h, dt.date):
        return h
    if isinstance(h, str) and re.search(r"\d", h):
        return _date_cell(h, _DATE_FORMATS)
    return None


def _date_grid(
    header: Sequence[Any], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> tuple[Sequence[Any], list[tuple[int, Sequence[Any]]]]:
    """An Excel Gantt chart's grid of day or week columns right of the tasks (Microsoft's and Vertex42's templates:
    weekday letters under a row of dates; a hand-made one: the dates themselves as column headers). With a start
    column in the table, the grid is a picture of its dates: its columns are passed over in one report line. Without
    one, a row's marked cells ('x', a number) under dated columns give its start (the first marked column's date) and
    its finish (the day before the column after the last marked one): the grid is the schedule. Unchanged for a
    table without three or more such columns."""
    keys = [_norm_header(h) for h in header]
    dated = {
        i: d for i, h in enumerate(header) if keys[i] not in COLUMNS and (d := _grid_date(h)) is not None
    }
    letters = [
        i for i, h in enumerate(header) if isinstance(h, str) and h.strip().casefold() in _WEEKDAY_HEADERS
    ]
    if len(letters) < 5:
        letters = []
    grid = sorted({*dated, *letters})
    if len(grid) < 3:
        return header, rows
    has_start = any(k in START_HEADERS for k in keys)
    out_header = [("" if i in grid else h) for i, h in enumerate(header)]
    days = sorted(dated.values())
    span = f" ({format_date(days[0])} to {format_date(days[-1])})" if days else " (weekday letters)"
    if has_start or len(dated) < 3:
        report.add(
            "format",
            f"{count(len(grid), 'column')} of the sheet's Gantt grid{span} {agree(len(grid), 'is', 'are')} not "
            "read: "
            + (
                "each row's start and finish columns give its dates"
                if has_start
                else "no row's dates are read from it"
            ),
        )
        return out_header, rows
    cols = sorted(dated, key=dated.__getitem__)
    step = min((dated[b] - dated[a]).days for a, b in zip(cols, cols[1:], strict=False)) or 1

    def end_of(i: int) -> dt.date:
        later = [dated[j] for j in cols if dated[j] > dated[i]]
        return (min(later) if later else dated[i] + dt.timedelta(days=step)) - dt.timedelta(days=1)

    out_rows: list[tuple[int, Sequence[Any]]] = []
    marked = 0
    for line, cells in rows:
        on = [i for i in cols if i < len(cells) and _has_cell(cells[i])]
        start = dated[on[0]] if on else None
        finish = end_of(on[-1]) if on else None
        marked += bool(on)
        out_rows.append((line, [*cells, *[""] * (len(header) - len(cells)), start or "", finish or ""]))
    report.add(
        "format",
        f"the sheet's {count(len(dated), 'dated column')}{span} are a Gantt grid: a row's marked cells give its "
        f"start (the first marked column's date) and finish (up to the next column's date); {marked} of "
        f"{len(rows)} rows are marked",
    )
    return [*out_header, "Start", "Finish"], out_rows


_HEADING_FREE = {"id", "title", "notes", "tags", "references"}
"""The columns a section heading typed as a row may fill (:func:`_section_headings`); every other field is empty."""


def _dashed_outline(
    header: Sequence[Any], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> tuple[Sequence[Any], list[tuple[int, Sequence[Any]]]]:
    """Titles whose leading dashes give their depth under the rows above ('Build pilot', then '- Load test', '--
    Script'), as Teamwork's task lists and a typed plan write sub-tasks, in a table with no outline or parent column
    of its own: an "Outline Level" column (1 and a dash each) and the names without their dashes, so that a row with
    rows under it is a summary, as in the other outline imports. Unchanged unless the first row has no dash and each
    row is at most one level below the row above it."""
    keys = [_norm_header(h) for h in header]
    if "title" not in keys or (LEVEL_HEADERS | NUMBER_HEADERS | PARENT_HEADERS) & set(keys):
        return header, rows
    at = keys.index("title")
    levels: list[int | None] = []  # each row's depth (None: a row without a title)
    for _, cells in rows:
        title = str(cells[at] if at < len(cells) and cells[at] is not None else "").strip()
        dashes = _DEPTH_DASHES.match(title)
        levels.append(None if not title else 1 + (len(dashes.group().strip()) if dashes is not None else 0))
    placed = [level for level in levels if level is not None]
    if not placed or max(placed) == 1 or placed[0] != 1:
        return header, rows
    if any(b > a + 1 for a, b in zip(placed, placed[1:], strict=False)):
        return header, rows
    out: list[tuple[int, Sequence[Any]]] = []
    for (line, cells), level in zip(rows, levels, strict=True):
        cells = [*cells, *[""] * (len(header) - len(cells))]
        if level is not None and level > 1:
            title = str(cells[at]).strip()
            cells[at] = title[_DEPTH_DASHES.match(title).end() :]  # type: ignore[union-attr]
        out.append((line, [*cells, level or ""]))
    n = sum(1 for level in placed if level > 1)
    report.add(
        "format",
        f"{count(n, 'title')} {agree(n, 'begins', 'begin')} with dashes that give {agree(n, 'its', 'their')} depth "
        f"under the rows above ({quoted(str(next(c[at] for (_, c), lv in zip(out, levels, strict=True) if lv and lv > 1)))}"
        "): read as an outline, the dashes dropped from the names",
    )
    return [*header, "Outline Level"], out


_FOLDER_ROW = re.compile(r"^/(.*[^/\s].*)/$")
"""A folder or project row of Wrike's Excel export: its path between slashes in the Title cell ('/Pilot/',
'/Pilot/Build/'), above the tasks in it."""


def _folder_rows(
    header: Sequence[Any], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> tuple[Sequence[Any], list[tuple[int, Sequence[Any]]]]:
    """Wrike's folder and project rows (:data:`_FOLDER_ROW`, without an id) as a 'Folder' column of the rows under
    each, its last name ('/Pilot/Build/' is 'Build'), read as their grouping; the folder rows are not tasks. Unchanged
    without such rows."""
    keys = [_norm_header(h) for h in header]
    if "title" not in keys:
        return header, rows
    at = keys.index("title")

    # a task's own fields: a row with one of them filled is a task, whatever its title ('/api/v2/' in a sheet)
    work = [i for i, k in enumerate(keys) if k in ("id", "owner", "duration", "likely", "depends_on")]
    work += [i for i, k in enumerate(keys) if k in START_HEADERS or k in FINISH_HEADERS]

    def folder(cells: Sequence[Any]) -> str | None:
        text = str(cells[at]).strip() if at < len(cells) and cells[at] is not None else ""
        m = _FOLDER_ROW.match(text)
        if m is None or any(i < len(cells) and _cell_text(cells[i]) for i in work):
            return None
        return [part.strip() for part in m.group(1).split("/") if part.strip()][-1]

    if not any(folder(cells) for _, cells in rows):
        return header, rows
    out: list[tuple[int, Sequence[Any]]] = []
    current, folders = "", []
    for line, cells in rows:
        name = folder(cells)
        if name is not None:
            current = name
            folders.append(str(cells[at]).strip())
            continue
        out.append((line, [*cells, *[""] * (len(header) - len(cells)), current]))
    n = len(folders)
    report.add(
        "format",
        f"{count(n, 'folder row')} ({some(map(quoted, folders), 4)}: Wrike's folders and projects) "
        f"{agree(n, 'is', 'are')} not {agree(n, 'a task', 'tasks')}: each names the folder of the rows under it, "
        "read as their grouping (the folder's last name)",
    )
    return [*header, "Folder"], out


def _section_headings(
    header: Sequence[Any], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> tuple[Sequence[Any], list[tuple[int, Sequence[Any]]]]:
    """Rows that hold a name and no field of a task ("Validate", "Phase 2: Integration" typed between the tasks of a
    spreadsheet plan) in a table whose tasks have durations or dates: section headings, not 1-week decisions. They
    become summary rows over the rows under them, up to the next, through an "Outline Level" column (read as MS
    Project's: a heading named for a stage or an area places its rows there, another is their tag; row numbers in
    predecessor cells still count every row). Unchanged when the table has a stage, grouping, outline or parent
    column of its own, or when rows with nothing but a name are half the rows or more (a tracker's undated tasks),
    or none is followed by a task."""
    keys = [_norm_header(h) for h in header]
    if "title" not in keys or {"stage", GROUPING} & set(keys):
        return header, rows
    if (LEVEL_HEADERS | NUMBER_HEADERS | PARENT_HEADERS) & set(keys):
        return header, rows
    title_at = keys.index("title")
    fields = [i for i, k in enumerate(keys) if k and k not in _HEADING_FREE and (k in COLUMNS or k in SPANS
              or k in START_HEADERS or k in FINISH_HEADERS or k in _EXTRA_KEYS)]  # fmt: skip
    if not fields:
        return header, rows

    def filled(cells: Sequence[Any], i: int) -> bool:
        return i < len(cells) and cells[i] is not None and str(cells[i]).strip() != ""

    named = [(line, cells) for line, cells in rows if filled(cells, title_at)]
    bare = {line for line, cells in named if not any(filled(cells, i) for i in fields)}
    if not bare or 2 * len(bare) >= len(named):
        return header, rows
    headings = {
        line: str(cells[title_at]).strip()
        for (line, cells), (nxt, _) in zip(named, named[1:], strict=False)
        if line in bare and nxt not in bare
    }
    if not headings:
        return header, rows
    out: list[tuple[int, Sequence[Any]]] = []
    under = False  # below a heading
    for line, cells in rows:
        under = under or line in headings
        level = 1 if line in headings or not under else 2
        out.append((line, [*cells, *[""] * (len(header) - len(cells)), level]))
    n = len(headings)
    report.add(
        "format",
        f"{count(n, 'row')} with a name and no field of a task "
        f"{agree(n, 'is a section heading', 'are section headings')} over the rows under "
        f"{agree(n, 'it', 'them')}, read as summary {agree(n, 'row', 'rows')}: "
        + some(quoted(x) for x in headings.values()),
    )
    return [*header, "Outline Level"], out


_SAID = "said by its reader (taiga, jira)"
"""The key of columns said once by the reader of their tool's layout (Taiga's creator in 'owner', its sprints and list
of assigned users: :func:`_taiga_columns`; Jira's Epic Link beside a parent column: :func:`_epic_link`): not read
as they are, and not said again as 'not a plan field'."""
_TAIGA_SPRINT = ("sprint", "sprint_estimated_start", "sprint_estimated_finish")


def _sprints(
    header: Sequence[Any],
    names: Sequence[str],
    keys: list[str],
    rows: Sequence[tuple[int, Sequence[Any]]],
    columns: Sequence[str],
    report: ImportReport,
) -> None:
    """A tracker's sprint (iteration) columns, its name first, then its dates (Taiga's ``sprint``,
    ``sprint_estimated_start``..., Pivotal Tracker's "Iteration", "Iteration Start"...): said in one line, not as a
    plan field each; ``keys`` is changed in place."""
    present = [c for c in columns if c in names]
    if not present:
        return
    for c in present:
        keys[names.index(c)] = _SAID
    at = names.index(present[0])
    n = sum(1 for _, cells in rows if at < len(cells) and str(cells[at] or "").strip())
    if n:
        shown = ", ".join(quoted(str(header[names.index(c)]).strip()) for c in present)
        report.add(
            "column",
            f"the sprints ({shown}) are not carried: {count(n, 'item')} {agree(n, 'is', 'are')} planned in one; a "
            "sprint is when the team meant to do an item, not how long it takes (give the plan its links and "
            "durations)",
        )


_PIVOTAL = {"current state": "status", "accepted at": "actual_finish"}
"""Pivotal Tracker's columns read as the plan's fields (its story's state; the moment it was accepted: done)."""
_PIVOTAL_ITERATION = ("iteration", "iteration start", "iteration end")


def _is_pivotal(header: Sequence[Any]) -> bool:
    """Whether the header is Pivotal Tracker's story export (its 'Current State', 'Requested By', 'Owned By')."""
    names = {re.sub(r"\s+", " ", str(h or "").strip().lower()) for h in header}
    return {"current state", "requested by", "owned by"} <= names


def _pivotal_columns(
    header: Sequence[Any], keys: list[str], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> list[tuple[int, Sequence[Any]]]:
    """Pivotal Tracker's CSV export (Id, Title, Labels, Iteration, Iteration Start, Iteration End, Type, Estimate,
    Current State, Created at, Accepted at, Deadline, Requested By, ..., "Owned By" once per owner, then "Blocker",
    "Comment", "Task" and "Task Status" once per blocker, comment and checklist task): the state is the status (its
    words: unscheduled, unstarted, started, finished, delivered, rejected, accepted), "Accepted at" the actual finish,
    the first owner the owner; a "Task" is a checklist item, not the story's title (which 'Title' gives), a release
    (Type) a milestone. ``keys`` is changed in place; the rows are returned (each with its first owner)."""
    if not _is_pivotal(header):
        return rows
    names = [re.sub(r"\s+", " ", str(h or "").strip().lower()) for h in header]
    for name, key in _PIVOTAL.items():
        if name in names:
            keys[names.index(name)] = key
    _sprints(header, names, keys, rows, _PIVOTAL_ITERATION, report)
    for listed, what in (
        ("task", "checklist tasks"),
        ("blocker", "blockers, in words"),
        ("comment", "comments"),
    ):
        at = [i for i, n in enumerate(names) if n in (listed, f"{listed} status")]
        for i in at:
            keys[i] = _SAID
        filled = sum(
            1 for _, cells in rows if any(i < len(cells) and str(cells[i] or "").strip() for i in at)
        )
        if filled:
            report.add(
                "column",
                f"column {quoted(str(header[at[0]]).strip())} ({what}) is not carried: "
                f"{count(filled, 'story', 'stories')} {agree(filled, 'has', 'have')} some",
            )
    owners = [i for i, n in enumerate(names) if n == "owned by"]
    keys[owners[0]] = "owner"
    for i in owners[1:]:
        keys[i] = _SAID
    out: list[tuple[int, Sequence[Any]]] = []
    shared = 0  # stories with more than one owner
    for line, cells in rows:
        named = [str(cells[i]).strip() for i in owners if i < len(cells) and str(cells[i] or "").strip()]
        if named and owners[0] < len(cells):
            cells = [*cells[: owners[0]], named[0], *cells[owners[0] + 1 :]]
        shared += len(named) > 1
        out.append((line, cells))
    if shared:
        report.add(
            "resource",
            f"{count(shared, 'story', 'stories')} {agree(shared, 'has', 'have')} several owners ('Owned By'): the "
            "first is the owner, the others are not carried (a decision has one owner)",
        )
    return out


def _status_category(
    header: Sequence[Any], keys: list[str], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> list[tuple[int, Sequence[Any]]]:
    """Jira's "Status Category" (``status_category`` in its data pipeline export) beside "Status": the category, To
    Do, In Progress or Done, of each workflow's own status words ('In Review', 'QA'). A status none of the tools' lists
    holds is read as its category says, in one report line; a known status word stays as it is. ``keys`` is changed in
    place (the category column is said here, not as 'not a plan field')."""
    names = [re.sub(r"[\s_]+", " ", str(h or "").strip().lower()) for h in header]
    if "status category" not in names or "status" not in keys:
        return rows
    at, status_at = names.index("status category"), keys.index("status")
    keys[at] = _SAID

    def cell(cells: Sequence[Any], i: int) -> str:
        return str(cells[i] if i < len(cells) and cells[i] is not None else "").strip()

    out: list[tuple[int, Sequence[Any]]] = []
    read: dict[str, str] = {}  # status word -> the category it was read as
    for line, cells in rows:
        word, category = cell(cells, status_at), cell(cells, at)
        if (
            word
            and _status_word(word) is None
            and not _cancelled(word)  # (Jira's Won't Do is in the Done category: the work is called off)
            and category
            and _status_word(category) is not None
        ):
            read.setdefault(word, category)
            cells = [*cells[:status_at], category, *cells[status_at + 1 :]]
        out.append((line, cells))
    if read:
        shown = some(f"{quoted(w)} as {quoted(c)}" for w, c in read.items())
        report.add(
            "column",
            f"{agree(len(read), 'a status', 'statuses')} of the file's own workflow read by "
            f"{quoted(str(header[at]).strip())}: {shown}",
        )
    return out


_GITLAB = {"closed at (utc)": "actual_finish", "epic title": "grouping", "parent iid": "parent"}
"""GitLab's columns read as the plan's fields: the closing moment (a done row's actual finish), the epic the issue
belongs to (a grouping), the parent's IID (the number 'Issue ID' gives; 'Parent ID' is its database id)."""


def _gitlab_columns(
    header: Sequence[Any], keys: list[str], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> list[tuple[int, Sequence[Any]]]:
    """GitLab's issue (and work item) CSV export (Issue ID, URL, Title, State, Description, Author, Author Username,
    Assignee, Assignee Username, ..., Due Date, Created At (UTC), Updated At (UTC), Closed At (UTC), Milestone,
    Weight, Labels, Time Estimate, Time Spent, Epic ID, Epic Title; a work item's Start Date, Parent ID, Parent IID,
    Parent Title): its Time Estimate is seconds (ClickUp's column of that name is milliseconds), so each number there
    is given its unit; see :data:`_GITLAB` for the columns read. ``keys`` is changed in place; the rows are returned."""
    names = [re.sub(r"\s+", " ", str(h or "").strip().lower()) for h in header]
    if not {"issue id", "author username", "closed at (utc)"} <= set(names):
        return rows
    for name, key in _GITLAB.items():
        if name in names and (key != "parent" or not PARENT_HEADERS & set(keys) - {"parent id"}):
            keys[names.index(name)] = key
    for quiet in ("epic id", "parent title", *(("parent id",) if "parent iid" in names else ())):
        if quiet in names:
            keys[names.index(quiet)] = _SAID
    if "time estimate" not in names:
        return rows
    at = names.index("time estimate")
    out: list[tuple[int, Sequence[Any]]] = []
    for line, cells in rows:
        cell = cells[at] if at < len(cells) else None
        if (
            isinstance(cell, int | float)
            and not isinstance(cell, bool)
            or _is_plain_number(str(cell or "").strip())
        ):
            cells = [*cells[:at], f"{cell} seconds", *cells[at + 1 :]]
        out.append((line, cells))
    return out


_DONE_HEADERS = {"done", "done?", "is done", "complete?", "erledigt", "erledigt?", "fait", "fait ?", "fait?"}
"""A checkbox column saying whether a row is done (a Google Sheets or Excel tracker's 'Done', Notion's checkbox
property exported as Yes/No); Linear's 'Completed' is a timestamp, and a 'Completed' of 1/0 is not read (see
tests/io/test_s21r_completed_checkbox.py)."""
_TICKED = {"true", "yes", "ja", "oui", "sí", "si", "x", "\u2713", "\u2714", "\u2611", "1", "checked", "done"}
_UNTICKED = {"false", "no", "nein", "non", "0", "unchecked", "\u2610", "-"}


def _done_checkbox(
    header: Sequence[Any], keys: list[str], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> list[tuple[int, Sequence[Any]]]:
    """A 'Done' checkbox column (:data:`_DONE_HEADERS`) of ticks and blanks (TRUE/FALSE, Yes/No, x, ✓) read as the
    rows' status when the file has no status column: a ticked row is done, the others as their progress says.
    Said in one line. ``keys`` is changed in place; the rows are returned."""
    names = [re.sub(r"\s+", " ", str(h or "").strip().lower()) for h in header]
    at = next((j for j, n in enumerate(names) if n in _DONE_HEADERS), None)
    if at is None or "status" in keys:
        return rows

    def word(cells: Sequence[Any]) -> str:
        cell = cells[at] if at < len(cells) else None
        if isinstance(cell, bool):
            return "true" if cell else "false"
        if isinstance(cell, int | float):
            return f"{cell:g}"
        return str(cell or "").strip().casefold()

    words = [word(c) for _, c in rows]
    if not any(w in _TICKED for w in words) or any(w and w not in _TICKED | _UNTICKED for w in words):
        return rows
    keys[at] = "status"
    out: list[tuple[int, Sequence[Any]]] = [
        (line, [*cells[:at], "done" if word(cells) in _TICKED else "", *cells[at + 1 :]])
        for line, cells in rows
    ]
    ticked = sum(w in _TICKED for w in words)
    report.add(
        "column",
        f"column {quoted(str(header[at]).strip())} (a checkbox) is read as the rows' status: {count(ticked, 'row')} "
        f"ticked {agree(ticked, 'is', 'are')} done, the others as their progress says",
    )
    return out


_TRELLO_QUIET = (
    "card url", "attachment count", "attachment links", "vote count", "comment count", "last activity date",
    "list id", "board id", "board name", "checklist item total count", "checklist item completed count",
    "due complete", "archived",
)  # fmt: skip


def _trello_columns(
    header: Sequence[Any], keys: list[str], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> list[tuple[int, Sequence[Any]]]:
    """Trello's CSV export (Card ID, Card Name, Card URL, ..., Checklist Item Total Count, Checklist Item Completed
    Count, ..., List Name, Board ID, Board Name, Archived, Start Date, Due Complete): an archived card is not on the
    board (not carried, said), a card whose due date is ticked complete is 100 % done, and its checklist items
    ticked of all give the others' progress (the file has no progress column); its other columns are said in one
    line. ``keys`` is changed in place; the rows are returned."""
    names = [re.sub(r"\s+", " ", str(h or "").strip().lower()) for h in header]
    if not {"card id", "card name", "list name"} <= set(names):
        return rows

    def cell(cells: Sequence[Any], name: str) -> str:
        at = names.index(name) if name in names else len(cells)
        return str(cells[at] if at < len(cells) and cells[at] is not None else "").strip()

    def ticked(text: str) -> bool:
        return text.casefold() in ("true", "yes", "1")

    archived = [(line, cell(c, "card name")) for line, c in rows if ticked(cell(c, "archived"))]
    kept = [(line, c) for line, c in rows if not ticked(cell(c, "archived"))]
    progress_at = next(
        (names.index(n) for n in ("due complete", "checklist item completed count") if n in names), None
    )
    complete = from_checklists = 0
    out: list[tuple[int, Sequence[Any]]] = []
    for line, cells in kept:
        if progress_at is None or "progress" in keys:
            out.append((line, cells))
            continue
        value = ""
        done = _plain_number(cell(cells, "checklist item completed count"))
        total = _plain_number(cell(cells, "checklist item total count"))
        if ticked(cell(cells, "due complete")):
            value, complete = "100%", complete + 1
        elif done is not None and total:
            value, from_checklists = f"{round(100 * min(done, total) / total, 1):g}%", from_checklists + 1
        row = [*cells, *[""] * (progress_at + 1 - len(cells))]
        row[progress_at] = value
        out.append((line, row))
    read = {"archived"} | (
        {"due complete", "checklist item total count", "checklist item completed count"}
        if progress_at is not None and keys[progress_at] != "progress" and "progress" not in keys
        else set()
    )
    quiet = [str(header[j]).strip() for j, n in enumerate(names) if n in _TRELLO_QUIET and n not in read]
    for j, n in enumerate(names):
        if n in _TRELLO_QUIET:
            keys[j] = _SAID
    if progress_at is not None and "progress" not in keys:
        keys[progress_at] = "progress"
    if archived:
        report.add(
            "format",
            f"{count(len(archived), 'archived card')} ({some((quoted(t) for _, t in archived), 3)}) "
            f"{agree(len(archived), 'is', 'are')} not carried: the board does not show {agree(len(archived), 'it', 'them')}",
        )
    if complete:
        report.add(
            "progress",
            f"{count(complete, 'card')} marked complete (due date ticked) {agree(complete, 'is', 'are')} 100 % done",
        )
    if from_checklists:
        report.add(
            "progress",
            f"{count(from_checklists, 'card')}{agree(from_checklists, chr(39) + 's', chr(39))} progress is the share of "
            "its checklist items ticked",
        )
    if quiet:
        report.add(
            "column", f"Trello's columns {some(map(quoted, quiet), 4)} are not plan fields; not carried"
        )
    return out


def _seconds_tool(header: Sequence[Any]) -> str:
    """Whose rule gave bare numbers a unit of seconds, as the import report names it: GitLab's Time Estimate in a
    GitLab issue export (see :func:`_gitlab_columns`), else Jira's (its Original Estimate, and the unit's name)."""
    names = {re.sub(r"\s+", " ", str(h or "").strip().lower()) for h in header}
    if {"issue id", "author username", "closed at (utc)", "time estimate"} <= names:
        return "GitLab's Time Estimate"
    return "Jira"


_BUGZILLA = {"dependson": "depends_on", "blocked": BLOCKS, "deadline": "due date"}
"""Bugzilla's columns of links (the bugs this one depends on, the bugs it blocks: numbers separated by commas) and
its deadline, named so only in a Bugzilla file ('Blocked' is a yes/no column in Rally's)."""


def _bugzilla_columns(header: Sequence[Any], keys: list[str]) -> None:
    """Bugzilla's buglist CSV (bug_id, short_desc, ...): see :data:`_BUGZILLA`. ``keys`` is changed in place."""
    names = [re.sub(r"\s+", " ", str(h or "").strip().lower()) for h in header]
    if not {"bug_id", "short_desc"} <= set(names):
        return
    for name, key in _BUGZILLA.items():
        if name in names:
            keys[names.index(name)] = key


def _taiga_columns(
    header: Sequence[Any], keys: list[str], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> list[tuple[int, Sequence[Any]]]:
    """Taiga's CSV exports (user stories, tasks, issues: ``owner``, ``owner_full_name``, ``assigned_to``, ...):
    ``owner`` is who created the item, ``assigned_to`` who does it, and a story's ``assigned_users`` everyone
    assigned to it (comma-separated usernames); ``finish_date`` (``finished_date`` for tasks and issues) is when it
    was closed, its ``due_date`` the date it is due; ``sprint`` with ``sprint_estimated_start`` and
    ``sprint_estimated_finish`` the sprint a story is planned in. Read so: the creator is no owner, a story assigned
    to users but with no ``assigned_to`` has the first of them as its owner, the closing date is a done row's actual
    finish; the sprints are said once as not carried. ``keys`` is changed in place; the rows are returned (with the
    owners filled in); any other table is left as it is."""
    names = [re.sub(r"\s+", " ", str(h or "").strip().lower()) for h in header]
    if not {"owner", "owner_full_name", "assigned_to", "is_closed"} <= set(names):
        return rows
    keys[names.index("owner")] = _SAID
    report.add(
        "column",
        "column 'owner' names who created each item (Taiga), not who does it: not carried; the owner is "
        "'assigned_to'",
    )
    for closed in ("finish_date", "finished_date"):
        if closed in names:
            keys[names.index(closed)] = "actual_finish"
    for quiet in ("sprint_id", "assigned_users_full_name"):
        if quiet in names:
            keys[names.index(quiet)] = _SAID
    _sprints(header, names, keys, rows, _TAIGA_SPRINT, report)
    if "assigned_users" not in names:
        return rows
    users_at, owner_at = names.index("assigned_users"), names.index("assigned_to")
    keys[users_at] = _SAID
    out: list[tuple[int, Sequence[Any]]] = []
    filled = shared = 0  # items given the first assigned user as owner; items with users besides the owner
    for line, cells in rows:
        users = [
            u.strip() for u in str(cells[users_at] if users_at < len(cells) else "").split(",") if u.strip()
        ]
        owner = str(cells[owner_at] if owner_at < len(cells) and cells[owner_at] is not None else "").strip()
        if users and not owner and owner_at < len(cells):
            owner = users[0]
            cells = [*cells[:owner_at], owner, *cells[owner_at + 1 :]]
            filled += 1
        shared += bool(set(users) - {owner})
        out.append((line, cells))
    if filled or shared:
        report.add(
            "resource",
            "column 'assigned_users' (everyone assigned to each item): the owner is 'assigned_to'"
            + (f", or the first of them for {count(filled, 'item')} without one" if filled else "")
            + (
                f"; the others of {count(shared, 'item')} are not carried (a decision has one owner)"
                if shared
                else ""
            ),
        )
    return out


def _epic_link(
    header: Sequence[Any], keys: list[str], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> list[tuple[int, Sequence[Any]]]:
    """Jira's "Custom field (Epic Link)" (Jira Server and Data Center, and Cloud's older exports): the key of the epic
    an issue belongs to, its parent as Jira Cloud's "Parent" now gives it. Read as the parent column; beside one
    ("Parent id" of the sub-tasks), a row without a parent takes its epic. ``keys`` is changed in place."""
    if "epic link" not in keys:
        return rows
    at = keys.index("epic link")
    shown = quoted(str(header[at]).strip())
    parent = next((i for i, k in enumerate(keys) if k in PARENT_HEADERS), None)
    if parent is None:
        keys[at] = "parent"
        report.add("column", f"column {shown} (each issue's epic) is read as its parent")
        return rows
    keys[at] = _SAID

    def cell(cells: Sequence[Any], i: int) -> str:
        return str(cells[i] if i < len(cells) and cells[i] is not None else "").strip()

    out: list[tuple[int, Sequence[Any]]] = []
    for line, cells in rows:
        if cell(cells, at) and not cell(cells, parent) and parent < len(cells):
            cells = [*cells[:parent], cell(cells, at), *cells[parent + 1 :]]
        out.append((line, cells))
    report.add(
        "column",
        f"column {shown} (each issue's epic) is the parent of the issues that "
        f"{quoted(str(header[parent]).strip())} gives none",
    )
    return out


_STAND_INS = {
    "title": {"activity", "activities", "activity name", "key activity", "key activities", "deliverable", "thema", "sujet",
              "work item", "action item"},
    "owner": {"accountable", "responsible person", "owners"},
}  # fmt: skip
"""Column names read as a field only when no other column gives it: a sheet with 'Task' and 'Deliverable' names its
tasks in 'Task' (the deliverable is what a task makes), one with 'Responsible' and 'Accountable' (a RACI) its owners
in 'Responsible'. A column not read so is reported as any other."""


def rows_to_plan(
    header: Sequence[Any],
    rows: Iterable[tuple[int, Sequence[Any]]],
    path: Any,
    report: ImportReport,
    title: str,
) -> Plan:
    """Build a plan from a header and ``(line number, cells)`` rows. Bad cells raise :class:`InteropError` naming
    the file, the line and the column."""
    header, rows = todoist_table(header, list(rows), report)
    header, rows = period_planner_table(header, rows, report)
    header, rows = _split_timeline(header, rows, report)
    header, rows = _date_grid(header, rows, report)
    header, rows = _work_items(header, rows, report)
    header, rows = _relation_rows(header, rows, report)
    header, rows = _relations(header, rows, report)
    header, rows = _numbered_links(header, rows, report)
    header, rows = _folder_rows(header, rows, report)
    header, rows = _dashed_outline(header, rows, report)
    header, rows = _section_headings(header, rows, report)
    keys = [_norm_header(h) for h in header]
    if keys.count("duration") > 1:
        # "Baseline Duration (days)" beside the Duration column is the baseline's, not the plan's: it replaced the
        # duration read before it (the last column won). It reads as the duration only when it is the only one.
        for pos, h in enumerate(header):
            if keys[pos] == "duration" and str(h or "").strip().lower().startswith("baseline"):
                keys[pos] = "baseline duration"
    if "title" not in keys and "summary" in keys:  # Jira calls the title "Summary"
        keys[keys.index("summary")] = "title"
    for field, weak in _STAND_INS.items():
        # 'Deliverable' beside 'Task', 'Accountable' beside 'Responsible': the stand-in is read only alone
        giving = [j for j, k in enumerate(keys) if k == field]
        stand_ins = [j for j in giving if re.sub(r"\s+", " ", str(header[j] or "").strip().lower()) in weak]
        if len(stand_ins) < len(giving):
            for j in stand_ins:
                keys[j] = re.sub(r"\s+", " ", str(header[j] or "").strip().lower())
    if PARENT_HEADERS & set(
        keys
    ):  # Notion's "Sub-item" relation is the twin of its "Parent item": read there
        for j, h in enumerate(header):
            if keys[j] in ("sub-item", "sub-items", "sub item", "sub items", "subitems"):
                keys[j] = _SAID
                report.add(
                    "column",
                    f"column {quoted(str(h).strip())} lists the rows that name a row as their parent: read from "
                    "the parent column",
                )
    for j, h in enumerate(header):
        # a bare 'Key' (Wrike's) is the id of titled rows when each row has its own: not a title in itself, nor a
        # sheet's key marks ('Y' on the key tasks)
        if keys[j] == "id" and str(h or "").strip().casefold() == "key":
            marks = [str(c[j]).strip() for _, c in rows if j < len(c) and str(c[j] or "").strip()]
            if "title" not in keys or len(set(marks)) < len(marks):
                keys[j] = "key"
    rows = _taiga_columns(header, keys, rows, report)
    # Pivotal Tracker's 'rejected' story is reworked (in progress); elsewhere (Redmine, OpenProject) it is called off
    reworked = _is_pivotal(header)
    rows = _pivotal_columns(header, keys, rows, report)
    rows = _status_category(header, keys, rows, report)
    rows = _gitlab_columns(header, keys, rows, report)
    rows = _trello_columns(header, keys, rows, report)
    rows = _done_checkbox(header, keys, rows, report)
    _bugzilla_columns(header, keys)
    rows = _epic_link(header, keys, rows, report)
    if (
        "id" not in keys and "issue id" in keys
    ):  # YouTrack's "Issue Id" (PRJ-12) is the id when no key is beside it
        keys[keys.index("issue id")] = "id"
    if "date" in keys and not FINISH_HEADERS & set(keys):
        # monday.com's date column ("Date"): an item's due date, read as another tool's "Due date" is
        at = keys.index("date")
        keys[at] = "due date"
        if START_HEADERS & set(keys):  # (without a start column: said below, with the others' due dates)
            report.add("column", f"column {quoted(str(header[at]).strip())} is read as each row's due date")
    if "title" not in keys and "id" not in keys:
        named = [str(h).strip() for h in header if h is not None and str(h).strip()]
        raise InteropError(
            path,
            "no 'title' or 'id' column in the header row"
            + (f" ({some((quoted(n[:40]) for n in named), 8)})" if named else ""),
            hint="name the column of task names 'Title' (or Task, Name), or give an 'ID' column; the first row "
            f"names the columns, e.g. {', '.join(COLUMNS[:6])}",
        )
    # The plan's dates (and the computed schedule columns, read past) belong to the planner's own export, which
    # writes plan_start_date in every row: another tool's "Status Date" is a row's own date (a tracker's update).
    own_export = "plan_start_date" in keys
    # Jira's Resolution: a Done issue resolved Won't Do or Duplicate is work called off (said with those rows)
    resolution_at = keys.index("resolution") if "resolution" in keys else None
    if resolution_at is not None:
        rows = list(rows)
        if any(resolution_at < len(c) and _cancelled(c[resolution_at]) for _, c in rows):
            keys[resolution_at] = _SAID
        else:
            resolution_at = None
    ignored: dict[str, int] = {}  # the header of each column not read -> how many columns have it
    for k, h in zip(keys, header, strict=False):
        if (
            k not in COLUMNS
            and k != "duration"
            and k not in START_HEADERS | FINISH_HEADERS | LEVEL_HEADERS | NUMBER_HEADERS | PARENT_HEADERS
            and (k not in _EXTRA_KEYS or (not own_export and k in _OWN_EXPORT_KEYS))
            and not (k == "issue id" and "id" in keys)  # read for links given by Jira's issue id
            and k != _SAID  # said by _taiga_columns
            and k not in TYPE_HEADERS  # said below: read for milestones, or not carried
            and str(h or "").strip()
        ):
            ignored[str(h)] = ignored.get(str(h), 0) + 1
    for h, n in ignored.items():  # Jira repeats a column once per value ("Sprint", "Watchers"): said once
        repeated = f" ({n} columns)" if n > 1 else ""
        report.add("column", f"column {quoted(h)}{repeated} is not a plan field; ignored")
    plan = new_plan(title)
    # (the planner's own export writes progress in per cent: 0.5 there is half of one per cent)
    rows = list(rows) if own_export else _progress_fractions(keys, header, list(rows), report)
    if own_export:
        _plan_dates(plan, keys, rows, path)
    stages = [(s.id, s.name) for s in plan.stages]
    areas = [(a.id, a.name) for a in plan.areas]
    teams: list[tuple[str, str]] = []

    def new_stage(stage_id: str, name: str) -> None:
        plan.stages.append(Stage(id=stage_id, name=name))
        report.add("guess", f"stage {quoted(name)} is not one of the standard stages; added after them")

    def new_area(area_id: str, name: str) -> None:
        plan.areas.append(Area(id=area_id, name=name))
        report.add("guess", f"area {quoted(name)} is not one of the standard areas; added")

    grouping_as = _grouping_target(keys, header, rows, stages, report)

    def lookup(value: str, items: list[tuple[str, str]], make: Any) -> str:
        key = value.strip().casefold()
        for item_id, name in items:
            if key in (item_id.casefold(), name.casefold()):
                return item_id
        new_id = IdMaker(i for i, _ in items).make(value.strip(), slug(value, "item"))
        items.append((new_id, value.strip()))
        make(new_id, value.strip())
        return new_id

    ids = IdMaker()
    decisions: list[Decision] = []
    pending: list[tuple[int, str, str, bool]] = []  # line, row id, depends_on text, reversed (a blocks cell)
    units: set[str] = set()  # durations given with a unit
    unset: list[tuple[int, str]] = []  # (line, cell) of durations not estimated yet ('TBD')
    ranges: list[str] = []  # durations given as a range ('3-5 days')
    start_col = next((i for i, k in enumerate(keys) if k in START_HEADERS), None)
    finish_col = next((i for i, k in enumerate(keys) if k in FINISH_HEADERS), None)
    # finish dates without a start column place the rows when the file says how long each lasts (its start is its
    # duration before its finish: _apply_row_dates); a tracker's due dates alone do not say when work starts
    spans_given = bool(SPANS & set(keys))
    date_cols = (
        [start_col, finish_col] if start_col is not None or (finish_col is not None and spans_given) else []
    )
    if finish_col is not None and not date_cols and not own_export:  # they were dropped unsaid
        report.add(
            "column",
            f"column {quoted(str(header[finish_col]).strip())} (due dates) is not carried: due dates need a start "
            "column to place the rows by (a duration alone does not say when a row starts)",
        )
    baseline_cols = [keys.index(c) if c in keys else None for c in BASELINE_COLUMNS] if not own_export else []
    # Jira's numeric "Issue id" beside the "Issue key": a link given by the number finds its row too
    issue_id_col = keys.index("issue id") if "issue id" in keys and "id" in keys else None
    issue_ids: dict[str, str] = {}
    if baseline_cols and None in baseline_cols:
        if any(i is not None for i in baseline_cols):
            report.add(
                "baseline",
                "a baseline needs both 'Baseline Start' and 'Baseline Finish' columns; not carried",
            )
        baseline_cols = []
    baseline_cells: dict[str, tuple[Any, Any]] = {}
    # another tool's actual dates (not the plan's own actual_start / actual_finish columns): placed as the rows'
    # dates are (_place_actuals); its closing date of a row not done is no actual finish (a reopened issue's)
    foreign_columns = {
        key: str(header[i]).strip()
        for i, key in enumerate(keys)
        if key in ("actual_start", "actual_finish")
        and not own_export
        and re.sub(r"\s+", " ", str(header[i]).strip().lower()) != key
    }
    foreign: dict[str, set[str]] = {key: set() for key in foreign_columns}
    open_closed: list[str] = []  # rows not done with a date in another tool's actual-finish column
    row_dates: dict[str, tuple[int, list[Any], bool]] = {}  # id -> line, [start, finish] cells, bare duration
    synonyms: dict[str, Status] = {}  # status words of other tools, as read
    blank_durations: set[str] = set()  # rows whose duration cells are all empty, in a file with such a column
    unknown_statuses: dict[str, str] = {}  # status words no tool's list holds -> the first line with one
    rows = list(rows)
    zero_milestones = 0  # rows made milestones for their 0 duration (no milestone column)
    typed_milestones: list[int] = []  # rows made milestones by their type ('Milestone' in a Type column)
    type_col = next((i for i, k in enumerate(keys) if k in TYPE_HEADERS), None)
    timed_milestones: list[str] = []  # rows marked milestones with a duration of their own (read as 0)
    _guessed_columns(keys, header, rows, report)
    _release_column(keys, header, rows, report)
    _repeated_columns(keys, header, report)
    summary_lines = _summary_lines(keys, rows)
    dashed: list[
        str
    ] = []  # titles whose leading dashes show their outline depth ('-- Interviews' at level 2)
    parent_lines, ancestors = _parent_structure(keys, header, rows, report)
    header_units = {k: u for k, h in zip(keys, header, strict=False) if k in SPANS and (u := header_unit(h))}
    if "work item type" in keys and header_units.get("duration") == "seconds":
        header_units["duration"] = "hours"  # Azure DevOps' Original Estimate is hours (Jira's: seconds)
    owner_col = next((i for i, k in enumerate(keys) if k == "owner"), None)
    # MS Project's "Resource Names" (and Smartsheet's "Assigned To") list several, each with its units
    resource_list = owner_col is not None and str(header[owner_col]).strip().casefold() in RESOURCE_LISTS
    stack: list[tuple[int, str, int]] = []  # enclosing summary rows: (level, name, index in members)
    row_refs: list[str | None] = []  # each data row's decision id in order (None: a summary row)
    cancelled: list[tuple[int, str, str]] = []  # rows of work called off, left out: (line, title, status)
    cancelled_names: set[str] = set()  # their ids and titles (casefolded): links naming them go with them
    cancelled_rows: set[int] = set()  # their places in row_refs (a link may name a row by its number)
    summary_of: dict[str, int] = {}  # what names a summary row (its id, title, row number) -> its index
    members: list[list[str]] = []  # each summary row's decisions: the rows under it
    summary_names: list[str] = []
    parent_index: dict[int, int] = {}  # a parent task's line -> its index in members
    decision_lines: dict[str, int] = {}
    unstaged: set[str] = set()  # rows placed in the first stage for want of a stage cell or a named section
    dropped_links = 0

    def summary_row(title_text: str, raw_id: str, rec: dict[str, Any], line: int) -> int:
        """Keep a summary row (structure, not a decision) for the links that name it or that it gives."""
        idx = len(members)
        members.append([])
        summary_names.append(title_text)
        row_refs.append(None)
        for key in {raw_id, title_text.casefold(), str(len(row_refs))} - {""}:
            summary_of.setdefault(key, idx)
        for column, reversed_ in (("depends_on", False), (BLOCKS, True)):
            if str(rec.get(column) or "").strip():
                pending.append((line, f"{_SUMMARY}{idx}", str(rec[column]), reversed_))
        return idx

    # actual dates as other tools write them ('Mon 3/1/27'): id, column, line, text
    slashed: list[tuple[str, str, int, str]] = []
    currencies: set[str] = set()  # what the cost cells name ('€12,000')

    def actual(column: str, did: str, line: int) -> dt.date | float | None:
        """An actual date cell; MS Project's 'NA' is none, and a date such as 'Mon 3/1/27' is read once the file's
        order of day and month is known (its start and finish columns tell it), so it waits in ``slashed``."""
        cell = rec.get(column)
        if isinstance(cell, str) and cell.strip().casefold() in ("na", "n/a"):
            return None
        try:
            return _actual_value(cell, column, f"line {line}", path, report)
        except InteropError:
            if _date_cell(cell, _DATE_FORMATS) is None:
                raise
            slashed.append((did, column, line, str(cell).strip()))
            return None

    overfull: list[tuple[int, int]] = []  # rows with filled cells past the header's columns: (line, cells)
    for line, cells in rows:
        rec: dict[str, Any] = {}
        if len(cells) > len(header) and any(str(c).strip() for c in cells[len(header) :] if c is not None):
            overfull.append((line, len(cells)))
        for k, v in zip(keys, cells, strict=False):
            if k in COLUMNS or k in ("duration", BLOCKS, GROUPING):
                value = restore(v.strip()) if isinstance(v, str) else v
                if rec.get(k) not in (None, "") and value in (None, ""):
                    continue  # a repeated column's empty cell (Jira: a row with fewer links) keeps the value
                if k in ("depends_on", BLOCKS) and rec.get(k) not in (None, "") and value not in (None, ""):
                    value = f"{rec[k]}, {value}"  # a column repeated once per link (Jira)
                elif k == "tags" and rec.get(k) not in (None, "") and value not in (None, ""):
                    value = f"{rec[k]}; {value}"  # Jira's "Labels", repeated once per label
                rec[k] = value
        if all(v in (None, "") for v in rec.values()):
            continue
        where = f"line {line}"
        title_text = str(rec.get("title") or rec.get("id") or "").strip()
        if not title_text:
            filled = [v for v in rec.values() if _has_cell(v)]
            if filled and all(_is_sum_cell(v) for v in filled):
                # a total row without its word: only numbers, under the durations or costs they sum
                report.add(
                    "format",
                    f"{where}: a row without a title holding only numbers "
                    f"({some((quoted_cell(v) for v in filled), 3)}) was skipped: a total row, not a task",
                )
                row_refs.append(None)
                continue
            raise InteropError(path, f"{where}: the row has no title", hint="give every row a title or an id")
        depth = _DEPTH_DASHES.match(title_text) if summary_lines.get(line, (1, False))[0] > 1 else None
        if depth is not None:  # the level column says the depth: the dashes are not the name
            dashed.append(title_text)
            title_text = title_text[depth.end() :]
        raw_id = str(rec.get("id") or "").strip()
        skipped = None  # why a row that is not a task is passed over
        if (
            "title" in keys
            and raw_id
            and not is_valid_id(raw_id)
            and all(v in (None, "") for k, v in rec.items() if k != "id")
        ):
            # a note under or between the tasks ('Prepared by the PMO on 24/03/2027'): text in the first column only
            note = raw_id if len(raw_id) <= 60 else raw_id[:59] + "\u2026"
            skipped = f"a note row ({quoted(note)}) was skipped: it has no title or other fields"
        elif (
            not raw_id
            and _TEMPLATE_NOTE.match(title_text)
            and all(not _has_cell(v) for k, v in rec.items() if k not in ("title", "id"))
        ):
            skipped = (
                f"a template's instruction row ({quoted(title_text[:60])}) was skipped: it is not a task"
            )
        elif (not raw_id or not str(rec.get("title") or "").strip()) and _is_total_row(title_text, rec):
            # ('Total' in the id column of a row without a title: an Excel table's total row starts at column A)
            skipped = (
                f"a total row ({quoted(title_text)}) was skipped: it sums the rows above, it is not a task"
            )
        if skipped is not None:
            report.add("format", skipped, where)
            row_refs.append(None)  # it keeps its row number: predecessors given as row numbers count it
            continue
        if summary_lines:
            level = summary_lines.get(line, (None, False))[0]
            while level is not None and stack and stack[-1][0] >= level:
                stack.pop()
            if line in summary_lines and summary_lines[line][1]:
                # a summary row (rows under it at a deeper outline level): structure, not a decision
                stack.append((level or 0, title_text, summary_row(title_text, raw_id, rec, line)))
                continue
        if line in parent_lines:  # a parent task (rows name it as their parent): structure, as a summary row
            parent_index[line] = summary_row(title_text, raw_id, rec, line)
            continue
        said_status = rec.get("status") or (rec.get(GROUPING) if grouping_as == "status" else None)
        said_by = "status"
        if (
            not _cancelled(said_status)
            and resolution_at is not None
            and resolution_at < len(cells)
            and _cancelled(cells[resolution_at])
        ):
            said_status, said_by = (
                cells[resolution_at],
                "resolution",
            )  # (Jira: status Done, resolution Won't Do)
        if _cancelled(said_status) and not (
            reworked and str(said_status).strip().casefold() == "rejected"
        ):  # work called off (a board's 'Cancelled' list too): no work to do
            cancelled.append((line, title_text, f"{said_by}\0{str(said_status).strip()}"))
            cancelled_rows.add(len(row_refs))
            cancelled_names.update(n for n in (raw_id, title_text.casefold()) if n)
            row_refs.append(None)  # it keeps its row number: predecessors given as row numbers count it
            continue
        if raw_id and not is_valid_id(raw_id):
            report.add("column", f"id {quoted(raw_id)} is not a valid plan id; a new one is made", where)
        did = ids.make(raw_id if raw_id and is_valid_id(raw_id) else None, slug(title_text, f"row-{line}"))
        if raw_id and is_valid_id(raw_id) and did != raw_id:
            raise InteropError(path, f"{where}: id {quoted(raw_id)} is used twice", hint="ids must be unique")
        for c, unit in header_units.items():  # "Duration (days)": a bare number there is days
            cell = rec.get(c)
            if (
                isinstance(cell, int | float)
                and not isinstance(cell, bool)
                or (isinstance(cell, str) and _is_plain_number(cell.strip().replace(",", ".")))
            ):
                rec[c] = f"{cell} {unit}"
        currencies.update(code for c in MONEY if (code := currency_of(rec.get(c))) is not None)
        progress_cell = rec.get("progress")
        if isinstance(progress_cell, str) and _status_word(progress_cell) is not None:
            # Microsoft Planner's "Progress" is a status word (Not started, In progress, Completed)
            if not str(rec.get("status") or "").strip():
                rec["status"] = progress_cell
            rec["progress"] = None
        for c in ("duration", "likely"):
            cell = rec.get(c)
            if not isinstance(cell, str) or not cell.strip():
                continue
            if cell.strip().casefold() in UNSET_SPANS:  # 'TBD': not estimated yet
                unset.append((line, cell.strip()))
                rec[c] = None
            elif (
                not any(str(rec.get(k) or "").strip() for k in ("optimistic", "pessimistic"))
                and (ends := range_span(cell, header_units.get(c))) is not None
            ):  # '3-5 days': a three-point estimate, the likely in the middle
                ranges.append(cell.strip())
                rec["optimistic"], rec["pessimistic"] = ends
                low, high = (_number(x, c, where, path, units) or 0.0 for x in ends)
                if high > MAX_WEEKS:
                    shown = next((str(h) for h, k in zip(header, keys, strict=False) if k == c), c)
                    raise InteropError(
                        path,
                        f"{where}, column {quoted(shown)}: {quoted(cell.strip()[:40])} runs to more than "
                        f"{MAX_WEEKS:,} weeks",
                        hint=f"durations are weeks from 0 to {MAX_WEEKS:,.0f}",
                    )
                rec[c] = (low + high) / 2
        nums = {c: _number(rec.get(c), c, where, path, units) for c in NUMERIC}
        likely = nums["likely"] if nums["likely"] is not None else nums["duration"]
        likely = 1.0 if likely is None else likely
        o = nums["optimistic"] if nums["optimistic"] is not None else likely
        p = nums["pessimistic"] if nums["pessimistic"] is not None else likely
        milestone = _yes_no(rec.get("milestone"), where, report)
        if (
            not milestone
            and type_col is not None
            and str(cells[type_col] if type_col < len(cells) else "").strip().casefold() in MILESTONE_TYPES
        ):
            milestone = (
                True  # a tracker's item of type Milestone (OpenProject, Azure DevOps, Redmine's tracker)
            )
            typed_milestones.append(line)
        if "milestone" not in keys and likely == 0 and o == p == 0:
            milestone = True  # without a milestone column (other tools' exports), a 0-day task is a milestone
            zero_milestones += 1
        if min(o, likely, p) < 0 or max(o, likely, p) > MAX_WEEKS:
            column, cell, bad = next(
                (k, rec.get(k), x)
                for k in ("optimistic", "likely", "duration", "pessimistic")
                if (x := nums[k]) is not None and not 0 <= x <= MAX_WEEKS
            )
            shown = next((str(h) for h, k in zip(header, keys, strict=False) if k == column), column)
            raise InteropError(
                path,
                f"{where}, column {quoted(shown)}: {quoted(str(cell)[:40])} is "
                + ("a negative duration" if bad < 0 else f"more than {MAX_WEEKS:,} weeks"),
                hint=f"durations are weeks from 0 to {MAX_WEEKS:,.0f}",
            )
        if not (o <= likely <= p):
            raise InteropError(
                path,
                f"{where}: estimates must satisfy optimistic <= likely <= pessimistic "
                f"(got {o:g} / {likely:g} / {p:g})",
            )
        duration: float | ThreePoint = (
            likely if o == likely == p else ThreePoint(optimistic=o, likely=likely, pessimistic=p)
        )
        if grouping_as is not None and str(rec.get(GROUPING) or "").strip():
            rec[grouping_as] = rec.get(grouping_as) or rec[GROUPING]
        # the summary rows above the row, nearest last: one named for a stage (or an area) places the rows under it,
        # as a summary task does in the MS Project import
        enclosing = [name for _, name, _ in stack] + [name for _, name in ancestors.get(line, [])]
        stage_text = str(rec.get("stage") or "").strip() or next(
            (name for name in reversed(enclosing) if match_named(name, stages)), ""
        )
        stage = lookup(stage_text, stages, new_stage) if stage_text else plan.stages[0].id
        if not stage_text:
            report.add("guess", f"no stage; put in {plan.stages[0].name}", where)
            unstaged.add(did)
        area_text = str(rec.get("area") or "").strip() or next(
            (
                name
                for name in reversed(enclosing)
                if match_named(name, areas) and not match_named(name, stages)
            ),
            "",
        )
        area = lookup(area_text, areas, new_area) if area_text else None
        owner_text = str(rec.get("owner") or "").strip()
        owner_text, units_headcount = _first_resource(
            owner_text, listed=resource_list, report=report, where=where
        )
        owner = (
            lookup(owner_text, teams, lambda i, n: plan.teams.append(Team(id=i, name=n)))
            if owner_text
            else None
        )
        status_text = str(rec.get("status") or "").strip().lower().replace(" ", "_").replace("-", "_")
        progress = nums["progress"] or 0.0
        if status_text in STATUS_WORDS:
            synonyms[str(rec.get("status")).strip()] = STATUS_WORDS[status_text]
            status_text = STATUS_WORDS[status_text].value
        elif (
            status_text
            and status_text not in {s.value for s in Status}
            and (dressed := _status_word(str(rec.get("status")))) is not None
        ):  # '✅ Done', 'In progress (50%)': a status word as a board dresses it
            synonyms[str(rec.get("status")).strip()] = dressed
            status_text = dressed.value
        if status_text and status_text not in {s.value for s in Status}:
            unknown_statuses.setdefault(str(rec.get("status")).strip(), where)
            status_text = ""  # a team's own word ('In review'): the row's progress decides
        status = (
            Status(status_text)
            if status_text
            else (
                Status.DONE if progress >= 100 else Status.IN_PROGRESS if progress > 0 else Status.NOT_STARTED
            )
        )
        if not {"status", "progress"} & set(keys) and _has_cell(rec.get("actual_finish")):
            status, progress = Status.DONE, 100.0  # a tracker's "Completed At" is all it says of progress
        for key in foreign:
            if str(rec.get(key) or "").strip().casefold() in ("", "na", "n/a"):
                continue  # (MS Project's 'NA' is no date: the row's own dates place it, once)
            if key == "actual_finish" and status is not Status.DONE:
                open_closed.append(where)
                rec[key] = None
            else:
                foreign[key].add(did)
        headcount = nums["headcount"] if nums["headcount"] is not None else units_headcount
        if (
            milestone
            and max(o, likely, p) > 0
            and SPANS & set(keys) & {k for k in rec if _has_cell(rec.get(k))}
        ):
            timed_milestones.append(f"line {line} {quoted(title_text[:40])} ({plural_weeks(likely)})")
        try:
            decisions.append(
                Decision(
                    id=did,
                    title=title_text[:300],
                    stage=stage,
                    area=area,
                    owner=owner,
                    duration=0.0 if milestone else duration,
                    milestone=milestone,
                    headcount=1.0 if headcount is None else headcount,
                    cost=nums["cost"],
                    run_rate=nums["run_rate"],
                    cost_category=_cost_category(rec.get("cost_category"), where, path),
                    status=status,
                    progress=progress,
                    not_before=nums["not_before"],
                    actual_start=actual("actual_start", did, line),
                    actual_finish=actual("actual_finish", did, line),
                    tags=(own := _tag_list(str(rec.get("tags") or ""), commas=not own_export))
                    + [
                        name
                        for name in enclosing
                        if name
                        and name not in own
                        and not match_named(name, stages)
                        and not match_named(name, areas)
                    ],
                    references=[t.strip() for t in str(rec.get("references") or "").split(";") if t.strip()],
                    notes=str(rec.get("notes") or ""),
                )
            )
        except ValueError as exc:
            first = exc.errors()[0] if hasattr(exc, "errors") else None  # pydantic ValidationError
            # the field, not pydantic's type tags ('duration.constrained-float'), and the value it refused
            field = str(first["loc"][0]) if first and first["loc"] else "?"
            msg = first["msg"] if first else str(exc)
            got = first.get("input") if first else None
            if isinstance(got, int | float) and not isinstance(got, bool):
                msg += f" (got {got:g})"
            elif isinstance(got, str) and got.strip():
                msg += f" (got {quoted(got[:40])})"
            raise InteropError(path, f"{where}, column {quoted(field)}: {msg}") from None
        row_refs.append(did)
        decision_lines[did] = line
        for *_, idx in stack:
            members[idx].append(did)
        if SPANS & set(keys) and all(nums[c] is None for c in SPANS) and not milestone:
            blank_durations.add(did)  # (1 week unless its dates say how long)
        if issue_id_col is not None and issue_id_col < len(cells) and str(cells[issue_id_col] or "").strip():
            issue_ids.setdefault(str(cells[issue_id_col]).strip(), did)
        if str(rec.get("depends_on") or "").strip():
            pending.append((line, did, str(rec["depends_on"]), False))
        if str(rec.get(BLOCKS) or "").strip():
            pending.append((line, did, str(rec[BLOCKS]), True))
        if baseline_cols:
            a, b = (cells[i] if i is not None and i < len(cells) else None for i in baseline_cols)
            baseline_cells[did] = (a, b)
        if date_cols:
            row_dates[did] = (
                line,
                [cells[i] if i is not None and i < len(cells) else None for i in date_cols],
                _is_plain_number(
                    str(rec.get("likely") or rec.get("duration") or "").strip().replace(",", ".")
                ),
            )
    if dashed:
        n = len(dashed)
        report.add(
            "format",
            f"{count(n, 'title')} of rows under a summary {agree(n, 'begins', 'begin')} with dashes that show the "
            f"row's outline depth, as the level column gives it ({quoted(dashed[0][:40])}): dropped from the name",
        )
    start_finish_slashed = any(_is_slashed(c) for _, pair, _ in row_dates.values() for c in pair)
    # (a month by its name, Jira's '25/Jan/27', reads one way only)
    ambiguous = [entry for entry in slashed if _is_slashed(entry[3])]
    if ambiguous and not start_finish_slashed and not _order_told([text for *_, text in ambiguous]):
        # (ISO start and finish dates tell nothing of the actual dates' order of day and month)
        did, column, line, text = ambiguous[0]  # 1/4/2027 and nothing else in the file says January or April
        _actual_value(text, column, f"line {line}", path, report)  # raises: write YYYY-MM-DD
    for did, line in decision_lines.items():  # a parent task's rows: its subtasks, at any depth
        for at, _ in ancestors.get(line, []):
            if at in parent_index:
                members[parent_index[at]].append(did)
    by_title: dict[str, str] = {}
    titled: dict[
        str, list[int]
    ] = {}  # a title -> the lines of its rows (two rows of one name: a link is unclear)
    for d in decisions:
        by_title.setdefault(d.title.casefold(), d.id)
        if d.id in decision_lines:
            titled.setdefault(d.title.casefold(), []).append(decision_lines[d.id])
    known = {d.id for d in decisions}
    # the names a link may give a row by: its title, or a summary's (a summary's title names it in a link too)
    link_titles = set(by_title) | {r for r in summary_of if not r.isdecimal()}

    def rows_of(ref: str | None) -> list[str]:
        """The decisions a link end stands for: a summary's rows, or the one it names."""
        if ref is None:
            return []
        return members[int(ref[len(_SUMMARY) :])] if ref.startswith(_SUMMARY) else [ref]

    def resolve(name: str) -> tuple[str | None, str]:
        """The decision a link names (its id, Jira's issue id, its title or, without an id column, its row number)
        and how it was found: 'id', 'row', 'summary' (a summary row or note: no decision, None) or 'unknown'."""
        if name.startswith("#") and len(name) > 1 and name not in known:
            name = name[1:]  # a tracker's '#13' (OpenProject, Redmine, GitHub) is item 13
        if name in known:
            return name, "id"
        if name in summary_of or name.casefold() in summary_of:
            return f"{_SUMMARY}{summary_of.get(name, summary_of.get(name.casefold()))}", "summary"
        if name in issue_ids:
            return issue_ids[name], "id"  # Jira's issue id (10002) for the issue key (AI-2)
        if len(titled.get(name.casefold(), [])) > 1:
            return None, "ambiguous"  # two rows have that name: which one the link means is not said
        if name.casefold() in by_title:
            return by_title[name.casefold()], "id"
        if name.isdecimal() and "id" not in keys and 0 < int(name) <= len(row_refs):
            ref = row_refs[int(name) - 1]  # a row number, as Smartsheet and MS Project refer to rows
            if ref is None and name in summary_of:
                return f"{_SUMMARY}{summary_of[name]}", "summary"
            if ref is None and int(name) - 1 in cancelled_rows:
                return None, "cancelled"
            return ref, "row" if ref is not None else "summary"
        if name in cancelled_names or name.casefold() in cancelled_names:
            return None, "cancelled"
        return name, "unknown"

    def items_of(line: int, text: str, reversed_: bool) -> list[tuple[str, DependencyType, float]]:
        try:
            return parse_depends(text, known, link_titles)
        except ValueError as exc:
            column = BLOCKS if reversed_ else "depends_on"
            raise InteropError(path, f"line {line}, column {quoted(column)}: {exc}") from None

    # rows with predecessors (a blocks cell gives its named rows one) are not pinned to their start dates
    # (a link naming no row of the file is left out: its row keeps its date, as the file has it after that item)
    linked = {
        d for line, x, text, rev in pending if not rev
        if any(resolve(name)[1] not in ("unknown", "cancelled") for name, _, _ in items_of(line, text, rev))
        for d in rows_of(x)
    } | {
        d for line, _, text, rev in pending if rev for name, _, _ in items_of(line, text, rev)
        if resolve(name)[1] not in ("unknown", "cancelled")
        for d in rows_of(resolve(name)[0])
    }  # fmt: skip
    spanned = 0
    placing: _DayWeeks | None = None
    if row_dates or slashed:
        spanned, placing = _apply_row_dates(
            plan,
            decisions,
            row_dates,
            linked,
            report,
            slashed,
            baseline_cells,
            durations_from_dates=not SPANS & set(keys) and finish_col is not None,
            path=path,
            blank_durations=blank_durations if finish_col is not None else set(),
        )
    elif baseline_cells:
        report.add(
            "baseline", "the baseline columns are not carried: the file has no Start column to place them by"
        )
    # actual dates need a plan start to be placed; a table has no start of its own: the earliest actual start, or
    # actual finish less the row's duration (work done by Fri 12 Mar in 2 weeks began Mon 1 Mar, not on the 12th)
    began: list[tuple[dt.date, str]] = []  # (the day, what says so when it is an actual finish)
    for d in decisions:
        if isinstance(d.actual_start, dt.date):
            began.append((d.actual_start, ""))
        elif isinstance(d.actual_finish, dt.date):
            weeks = 0.0 if d.milestone else d.weeks()
            began.append(
                (
                    _began(d.actual_finish, weeks),
                    f" they imply ({quoted(d.title[:40])}: {plural_weeks(weeks)} done by {format_date(d.actual_finish)}, "
                    "its actual finish)",
                )
            )
    if plan.start_date is None and began:
        plan.start_date, why = min(began, key=lambda x: x[0])
        report.add(
            "guess",
            "the file gives actual dates but no plan start: the plan starts on the earliest "
            + (f"start{why}" if why else "actual start")
            + f", {format_date(plan.start_date)}; change it in Plan & Stages if the work began earlier",
        )
    _place_actuals(plan, decisions, foreign, report, placing)
    if open_closed:
        n = len(open_closed)
        report.add(
            "progress",
            f"{count(n, 'row')} not done {agree(n, 'has', 'have')} a date in column "
            f"{quoted(foreign_columns['actual_finish'])} ({some(open_closed, 3)}): not carried as "
            f"{agree(n, 'its', 'their')} actual finish, the status says the work goes on",
        )
    by_id = {d.id: d for d in decisions}
    percent_lags = 0
    by_row = 0
    deps: list[Dependency] = []
    seen: set[tuple[str, str, DependencyType, float]] = set()
    twins = 0  # links a blocks cell gives that the other row's depends_on gives too
    # the depends_on cells first, so that a blocks cell naming the same link (both of Jira's twins) adds nothing
    carried = 0  # links to or from a summary row, kept through its start or finish milestone
    helper_of: dict[tuple[int, str], str] = {}

    def helper(ref: str, side: str) -> str:
        """The summary's start or finish milestone (made once, tagged import-helper, as the outline imports make
        them): the finish after each of its rows, the start before each; a link to or from the summary holds on
        to it, so that the links stay as many as the summary's rows, not rows times links."""
        idx = int(ref[len(_SUMMARY) :])
        if (idx, side) in helper_of:
            return helper_of[(idx, side)]
        name = summary_names[idx] or "Summary"
        rows = [by_id[m] for m in members[idx]]
        did = ids.make(f"{slug(name, 'summary')}-{side}", f"summary-{side}")
        helper_of[(idx, side)] = did
        # done rows: the milestone is done where they are (their last finish, or their first start), as the outline
        # imports place a done summary's; without their dates it waits for them as work to come
        ends = [r.actual_finish if side == "finish" else r.actual_start for r in rows]
        weeks = [
            to_week(plan, v) for v in ends
        ]  # (dates and weeks alike: another tool's actual dates are both)
        done = all(r.status is Status.DONE for r in rows) and None not in weeks
        day = (
            ends[weeks.index((max if side == "finish" else min)(w for w in weeks if w is not None))]
            if done
            else None
        )
        outer = rows[0].tags[: rows[0].tags.index(name) + 1] if name in rows[0].tags else []
        decisions.append(
            Decision(
                id=did,
                title=f"{name} ({side})"[:300],
                stage=rows[0].stage,
                area=rows[0].area,
                duration=0,
                milestone=True,
                tags=[*outer, HELPER_TAG],
                notes=f"Added by the import: the {side} of summary row {quoted(name)}, so that its links keep the "
                "schedule without a link to every row under it.",
                status=Status.DONE if done else Status.NOT_STARTED,
                progress=100.0 if done else 0.0,
                actual_start=day,
                actual_finish=day,
            )
        )
        by_id[did] = decisions[-1]
        for m in members[idx]:
            if side == "finish":
                deps.append(Dependency(from_=m, to=did))
            else:
                deps.append(Dependency(from_=did, to=m, type=DependencyType.SS))
        return did

    outside: list[tuple[int, str]] = []  # links naming no row of the file, left out (report_outside_links)
    cancelled_links = 0  # links to or from rows of work called off
    self_links: list[str] = []  # rows that name themselves as their predecessor
    repeated_links = 0  # links given twice over
    for line, did, text, reversed_ in sorted(pending, key=lambda p: p[3]):
        for name, dtype, given_lag in items_of(line, text, reversed_):
            other, how = resolve(name)
            if how == "ambiguous":
                lines = titled[name.casefold()]
                report.add(
                    "link",
                    (f"blocks {quoted(name)}" if reversed_ else f"depends on {quoted(name)}")
                    + f", the name of {len(lines)} rows (lines {some(map(str, lines), 4)}): not carried, as the file "
                    "does not say which (give the rows ids, or names of their own, in the tracker)",
                    f"line {line}",
                )
                continue
            if how == "cancelled":  # a row of work called off, left out: its links go with it
                cancelled_links += 1
                continue
            if other is None:
                dropped_links += 1  # a note or total row: nothing to hold on to
                continue
            if how == "unknown":  # an item the export left out (filtered to some issues): no row to link
                outside.append(
                    (line, f"line {line} " + ("blocks " if reversed_ else "depends on ") + quoted(other))
                )
                continue
            by_row += how == "row"
            pred, succ = (did, other) if reversed_ else (other, did)
            preds, succs = rows_of(pred), rows_of(succ)
            summary_end = pred.startswith(_SUMMARY) or succ.startswith(_SUMMARY)
            if summary_end and not _summary_link_exact(pred, succ, dtype, preds, succs):
                dropped_links += 1
                continue
            if (
                pred == succ
            ):  # a row its own predecessor: no order to keep, and a plan that would not schedule
                self_links.append(f"line {line} {quoted(by_id[did].title if did in by_id else did)}")
                continue
            carried += summary_end
            a = helper(pred, "finish") if pred.startswith(_SUMMARY) else pred
            b = helper(succ, "start") if succ.startswith(_SUMMARY) else succ
            lag = given_lag
            if isinstance(lag, PercentLag):  # a share of the predecessor's duration, as MS Project reads it
                lag = lag / 100.0 * (by_id[a].weeks() if a in by_id else 0.0)
                percent_lags += 1
            if abs(lag) > MAX_WEEKS:  # (the plan model refused it without saying where)
                raise InteropError(
                    path,
                    f"line {line}: the lag of the link {'to' if reversed_ else 'from'} {quoted(name)} is "
                    f"{plural_weeks(abs(lag))}, more than the {MAX_WEEKS:,} a plan takes",
                    hint="check the predecessor cell's lag and its unit",
                )
            if reversed_ and (a, b, dtype, lag) in seen:
                twins += 1
                continue
            if (
                a,
                b,
                dtype,
                lag,
            ) in seen:  # the same link given twice (two of the file's columns, or one cell)
                repeated_links += 1
                continue
            seen.add((a, b, dtype, lag))
            deps.append(Dependency(from_=a, to=b, type=dtype, lag=lag))
    report_outside_links(report, [text for _, text in sorted(outside, key=lambda x: x[0])])
    if repeated_links:
        report.add(
            "link",
            f"{count(repeated_links, 'link')} given twice (the same predecessor, type and lag) "
            f"{agree(repeated_links, 'is', 'are')} read once",
        )
    if self_links:
        n = len(self_links)
        report.add(
            "link",
            f"{count(n, 'row')} {agree(n, 'names itself', 'name themselves')} as {agree(n, 'its', 'their')} own "
            f"predecessor ({some(self_links, 5)}): not carried, a row cannot wait for itself",
        )
    if cancelled:
        n = len(cancelled)
        by_source: dict[str, list[str]] = {}  # 'status' / 'resolution' -> the words said
        for said in sorted({w for *_, w in cancelled}):
            source, word = said.split("\0", 1)
            by_source.setdefault(source, []).append(quoted(word))
        words = [f"{source} {', '.join(ws)}" for source, ws in sorted(by_source.items(), reverse=True)]
        report.add(
            "progress",
            f"{count(n, 'row')} of work called off ({'; '.join(words)}) "
            f"{agree(n, 'is', 'are')} left out: no work to do ("
            + some((f"line {line} {quoted(t)}" for line, t, _ in cancelled), 5)
            + ")"
            + (
                f"; {count(cancelled_links, 'link')} naming {agree(n, 'it', 'them')} "
                f"{agree(cancelled_links, 'goes', 'go')} with {agree(n, 'it', 'them')}"
                if cancelled_links
                else ""
            ),
        )
    if any(rev for *_, rev in pending):
        report.add(
            "link",
            "links given by the rows they block (a 'Blocks'/'Blocking' column) are read as those rows' predecessors"
            + (
                f"; {twins} of them also given by the other row's 'Blocked by' column, read once"
                if twins
                else ""
            ),
        )
    if percent_lags:
        report.add(
            "link",
            f"{count(percent_lags, 'lag')} given as a percentage of the predecessor's duration "
            f"{agree(percent_lags, 'is', 'are')} fixed weeks ({agree(percent_lags, 'it does', 'they do')} not "
            "follow a later change of that duration)",
        )
    summaries = sum(1 for level_and_summary in summary_lines.values() if level_and_summary[1])
    if parent_lines:
        report.add(
            "format",
            f"{count(len(parent_lines), 'parent task')} (rows that other rows name as their parent) became "
            f"{agree(len(parent_lines), 'a tag', 'tags')} of {agree(len(parent_lines), 'its', 'their')} subtasks, "
            "not decisions",
        )
    if summaries:
        report.add(
            "format",
            f"{count(summaries, 'summary row', 'summary rows')} (rows with rows under them at a deeper outline "
            f"level) {agree(summaries, 'is', 'are')} structure, not decisions: one named for a stage or an area "
            "places the rows under it there, another is their tag",
        )
    if carried:
        report.add(
            "link",
            f"{count(carried, 'link')} to or from summary rows {agree(carried, 'is', 'are')} kept through "
            f"{count(len(helper_of), 'start or finish milestone')} of those summaries (tagged {quoted(HELPER_TAG)}; a "
            "finish after each of its rows, a start before each): FS or FF from a summary, FS or SS to one",
        )
    if dropped_links:
        report.add(
            "link",
            f"{count(dropped_links, 'link')} to or from summary rows {agree(dropped_links, 'is', 'are')} not "
            "carried (SS or SF from a summary, FF or SF to one, or a link between a summary and a row under it)",
        )
    if timed_milestones:
        n = len(timed_milestones)
        report.add(
            "duration",
            f"{count(n, 'row')} marked as {agree(n, 'a milestone', 'milestones')} {agree(n, 'has', 'have')} a "
            f"duration: read as {agree(n, 'a milestone', 'milestones')} (a moment, 0 weeks), "
            + some(timed_milestones),
        )
    if type_col is not None and not typed_milestones:
        report.add("column", f"column {quoted(str(header[type_col]).strip())} is not a plan field; ignored")
    if typed_milestones:
        n = len(typed_milestones)
        report.add(
            "duration",
            f"{count(n, 'row')} of type milestone (column {quoted(str(header[type_col or 0]).strip())}) "
            f"{agree(n, 'is a milestone', 'are milestones')}, a moment of 0 weeks (line "
            + some((str(x) for x in typed_milestones), 5)
            + ")",
        )
    if zero_milestones:
        report.add(
            "duration",
            f"{count(zero_milestones, 'row')} with a duration of 0 became "
            f"{agree(zero_milestones, 'a milestone', 'milestones')} (the file has no milestone column)",
        )
    if decisions and not SPANS & set(keys) and not spanned:
        report.add("duration", "no duration column (likely or duration): every decision gets 1 week")
    if unset:
        report.add(
            "duration",
            f"{count(len(unset), 'duration')} not estimated ({some(sorted({quoted(c) for _, c in unset}), 3)}; "
            f"line {some((str(n) for n, _ in unset), 5)}) {agree(len(unset), 'is', 'are')} read as empty: "
            "1 week, or the row's dates",
        )
    if ranges:
        report.add(
            "duration",
            f"{count(len(ranges), 'duration')} given as a range ({some(map(quoted, ranges), 3)}) "
            f"{agree(len(ranges), 'is', 'are')} read as a three-point estimate: optimistic the low end, pessimistic "
            "the high end, likely halfway",
        )
    if by_row:
        report.add(
            "link",
            f"{count(by_row, 'predecessor')} given as row numbers (the file has no id column) "
            f"{agree(by_row, 'is', 'are')} read as the task in that row",
        )
    if units:
        shown = some((quoted(u) for u in sorted(units)), 3)
        report.add(
            "duration",
            f"durations with units ({shown}) are read as working weeks: 5 days, 40 hours"
            + (
                f" (144,000 seconds, as {_seconds_tool(header)} counts)"
                if any(
                    u.endswith(("sec", "secs", "seconds")) and not u.endswith("milliseconds") for u in units
                )
                else ""
            )
            + (
                " (144,000,000 milliseconds, as ClickUp's estimates count)"
                if any(u.endswith(("ms", "milliseconds")) for u in units)
                else ""
            )
            + (
                " (2,400 minutes; YouTrack's Estimation without a unit is minutes, as it stores a period)"
                if any(u.endswith(("min", "mins", "minute", "minutes")) for u in units)
                else ""
            )
            + " or a quarter of a month to a week (elapsed 'e' units: 7 days)",
        )
    for line, width in overfull[:5]:
        report.add(
            "format",
            f"the row has {width} cells, the header {len(header)} columns: a separator inside a cell that is not "
            "quoted? Its cells may have moved one column on, and those past the last column are not carried: check it",
            f"line {line}",
        )
    if len(overfull) > 5:
        report.add(
            "format",
            f"{count(len(overfull) - 5, 'more row')} {agree(len(overfull) - 5, 'has', 'have')} more cells than the "
            "header has columns",
        )

    for word, st in sorted(synonyms.items()):
        report.add("column", f"status {quoted(word)} is read as {st.value}")
    for word, where in unknown_statuses.items():
        report.add(
            "column",
            f"status {quoted(word)} is none the planner knows ({', '.join(s.value for s in Status)}): those rows' "
            "progress decides (0 %: not started, 100 %: done, in between: in progress)",
            where,
        )
    if plan.currency is None and len(currencies) == 1:
        plan.currency = next(iter(currencies))
        report.add(
            "cost", f"the costs are in {plan.currency}, as their cells say; the plan's currency is set to it"
        )
    elif len(currencies) > 1:
        report.add(
            "cost",
            f"the cost cells name several currencies ({', '.join(sorted(currencies))}): their numbers are read "
            "as they are, not converted, and the plan's currency is left unset",
        )
    if unstaged and len(unstaged) < len(decisions):
        # rows without a stage, linked with rows a stage column or a heading placed: in no stage before the work
        # they wait for, nor after the work waiting for them (Go live after an Integrate section is not Validate)
        was = {d.id: d.stage for d in decisions}
        follow_linked_stages(decisions, deps, plan.stages, [d.id in unstaged for d in decisions])
        names = {x.id: x.name for x in plan.stages}
        moved = {
            f"line {decision_lines[d.id]}": names[d.stage]
            for d in decisions
            if d.stage != was[d.id] and d.id in decision_lines
        }
        for item in report.items:
            if item.kind == "guess" and item.where in moved and item.message.startswith("no stage; put in "):
                item.message = (
                    f"no stage; put in {moved[item.where]}, the stage of the work it is linked with"
                )
    plan.decisions = decisions
    plan.dependencies = deps
    if (
        not decisions
    ):  # a header and nothing under it (or only rows that are not tasks): said, as other imports do
        report.add("format", "the table has no task rows under its header: the plan is empty")
    source_finish = (plan.extensions.get(EXTENSION_KEY) or {}).get("source_finish_weeks")
    if isinstance(source_finish, float):  # the file's dates are whole Monday-to-Friday days
        compare_finish(plan, source_finish, report, whole_day=0.2)
    report.counts.update(
        {
            "decisions": len(decisions) - len(helper_of),
            "milestones": sum(d.milestone for d in decisions) - len(helper_of),
            "dependencies": len(deps),
            "helpers": len(helper_of),
        }
    )
    return plan
