"""Writes the Primavera P6 files of tests/io/data/s28 the way P6 writes its XER export (the other files there are
written by hand). Run from the repository root:

    .venv/bin/python tests/io/data/s28/make_s28_files.py
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent


def _row(*values: object) -> str:
    return "%R\t" + "\t".join(str(v) for v in values)


def _days(spans: dict[int, list[tuple[str, str]]], holidays: list[int]) -> str:
    """P6's clndr_data: day 1 is Sunday; each day's working spans; the days off as Excel serial dates."""
    days = "".join(
        f"(0||{d}()("
        + "".join(f"(0||{k}(s|{a}|f|{b})())" for k, (a, b) in enumerate(spans.get(d, [])))
        + "))"
        for d in range(1, 8)
    )
    exc = "".join(f"(0||{k}(d|{n})())" for k, n in enumerate(holidays))
    return f"(0||CalendarData()((0||DaysOfWeek()({days}))(0||Exceptions()({exc}))))"


def _fields(text: str) -> list[str]:
    return text.split(" ")


PROJECT_FIELDS = _fields(
    "proj_id fy_start_month_num rsrc_self_add_flag allow_complete_flag rsrc_multi_assign_flag checkout_flag "
    "project_flag step_complete_flag cost_qty_recalc_flag batch_sum_flag name_sep_char def_complete_pct_type "
    "proj_short_name acct_id orig_proj_id source_proj_id base_type_id clndr_id sum_base_proj_id task_code_base "
    "task_code_step priority_num wbs_max_sum_level strgy_priority_num last_checksum critical_drtn_hr_cnt "
    "def_cost_per_qty last_recalc_date plan_start_date plan_end_date scd_end_date add_date last_tasksum_date "
    "fcst_start_date def_duration_type task_code_prefix guid def_qty_type add_by_name web_local_root_path proj_url "
    "def_rate_type add_act_remain_flag act_this_per_link_flag def_task_type act_pct_link_flag critical_path_type "
    "task_code_prefix_flag def_rollup_dates_flag use_project_baseline_flag rem_target_link_flag reset_planned_flag "
    "allow_neg_act_flag sum_assign_level last_fin_dates_id fintmpl_id last_baseline_update_date cr_external_key "
    "apply_actuals_date location_id loaded_scope_level export_flag new_fin_dates_id baselines_to_export "
    "baseline_names_to_export next_data_date close_period_flag sum_refresh_date trsrcsum_loaded"
)
WBS_FIELDS = _fields(
    "wbs_id proj_id obs_id seq_num est_wt proj_node_flag sum_data_flag status_code wbs_short_name wbs_name phase_id "
    "parent_wbs_id ev_user_pct ev_etc_user_value orig_cost indep_remain_total_cost ann_dscnt_rate_pct "
    "dscnt_period_type indep_remain_work_qty anticip_start_date anticip_end_date ev_compute_type "
    "ev_etc_compute_type guid tmpl_guid plan_open_state"
)
TASK_FIELDS = _fields(
    "task_id proj_id wbs_id clndr_id phys_complete_pct rev_fdbk_flag est_wt lock_plan_flag auto_compute_act_flag "
    "complete_pct_type task_type duration_type status_code task_code task_name rsrc_id total_float_hr_cnt "
    "free_float_hr_cnt remain_drtn_hr_cnt act_work_qty remain_work_qty target_work_qty target_drtn_hr_cnt "
    "target_equip_qty act_equip_qty remain_equip_qty cstr_date act_start_date act_end_date late_start_date "
    "late_end_date expect_end_date early_start_date early_end_date restart_date reend_date target_start_date "
    "target_end_date rem_late_start_date rem_late_end_date cstr_type priority_type suspend_date resume_date "
    "float_path float_path_order guid tmpl_guid cstr_date2 cstr_type2 driving_path_flag act_this_per_work_qty "
    "act_this_per_equip_qty external_early_start_date external_late_end_date create_date update_date create_user "
    "update_user location_id"
)
SCHED_FIELDS = _fields(
    "schedoptions_id proj_id sched_outer_depend_type sched_open_critical_flag sched_lag_early_start_flag "
    "sched_retained_logic sched_setplantoforecast sched_float_type sched_calendar_on_relationship_lag "
    "sched_use_expect_end_flag sched_progress_override level_float_thrs_cnt level_outer_assign_flag "
    "level_outer_assign_priority level_over_alloc_pct level_within_float_flag level_keep_sched_date_flag "
    "level_all_rsrc_flag"
)


def _project(pid: int, short: str, clndr: int, start: str, end: str, exported: bool) -> str:
    v: dict[str, object] = dict.fromkeys(PROJECT_FIELDS, "")
    v.update(
        proj_id=pid, fy_start_month_num=1, rsrc_self_add_flag="Y", allow_complete_flag="Y",
        rsrc_multi_assign_flag="Y", checkout_flag="N", project_flag="Y", step_complete_flag="N",
        cost_qty_recalc_flag="Y", batch_sum_flag="Y", name_sep_char=".", def_complete_pct_type="CP_Drtn",
        proj_short_name=short, clndr_id=clndr, task_code_base=1000, task_code_step=10, priority_num=10,
        wbs_max_sum_level=0, strgy_priority_num=100, critical_drtn_hr_cnt=0, def_cost_per_qty="100.00",
        last_recalc_date=start, plan_start_date=start, scd_end_date=end, add_date="2026-03-02 09:14",
        def_duration_type="DT_FixedDUR2", task_code_prefix="A", def_qty_type="QT_Hour", add_by_name="jsmith",
        def_rate_type="COST_PER_QTY", add_act_remain_flag="N", act_this_per_link_flag="Y", def_task_type="TT_Task",
        act_pct_link_flag="N", critical_path_type="CT_TotFloat", task_code_prefix_flag="Y",
        def_rollup_dates_flag="N", use_project_baseline_flag="Y", rem_target_link_flag="Y", reset_planned_flag="N",
        allow_neg_act_flag="N", sum_assign_level="SL_Taskrsrc", loaded_scope_level=7,
        export_flag="Y" if exported else "N", trsrcsum_loaded="N",
    )  # fmt: skip
    return _row(*(v[k] for k in PROJECT_FIELDS))


def _wbs(wid: int, pid: int, seq: int, node: str, short: str, name: str, parent: int) -> str:
    v: dict[str, object] = dict.fromkeys(WBS_FIELDS, "")
    v.update(
        wbs_id=wid, proj_id=pid, obs_id=565, seq_num=seq, est_wt=1, proj_node_flag=node, sum_data_flag="N",
        status_code="WS_Open", wbs_short_name=short, wbs_name=name, parent_wbs_id=parent, ev_user_pct=6,
        ev_etc_user_value=0.88, orig_cost=0, indep_remain_total_cost=0, indep_remain_work_qty=0,
        ev_compute_type="EC_Cmp_pct", ev_etc_compute_type="EE_Rem_hr",
    )  # fmt: skip
    return _row(*(v[k] for k in WBS_FIELDS))


def _task(
    tid: int, pid: int, wid: int, cal: int, code: str, name: str, hours: float, start: str, end: str,
    ttype: str = "TT_Task", status: str = "TK_NotStart", remain: float | None = None, pct: float = 0,
    act_start: str = "", act_end: str = "",
) -> str:  # fmt: skip
    v: dict[str, object] = dict.fromkeys(TASK_FIELDS, "")
    done = status == "TK_Complete"
    v.update(
        task_id=tid, proj_id=pid, wbs_id=wid, clndr_id=cal, phys_complete_pct=pct, rev_fdbk_flag="N", est_wt=1,
        lock_plan_flag="N", auto_compute_act_flag="N", complete_pct_type="CP_Drtn", task_type=ttype,
        duration_type="DT_FixedDUR2", status_code=status, task_code=code, task_name=name, total_float_hr_cnt=0,
        free_float_hr_cnt=0, remain_drtn_hr_cnt=hours if remain is None else remain, act_work_qty=0,
        remain_work_qty=0, target_work_qty=0, target_drtn_hr_cnt=hours, target_equip_qty=0, act_equip_qty=0,
        remain_equip_qty=0, act_start_date=act_start, act_end_date=act_end,
        early_start_date="" if done else start, early_end_date="" if done else end, restart_date=start,
        reend_date=end, target_start_date=act_start or start, target_end_date=act_end or end, late_start_date=start,
        late_end_date=end, priority_type="PT_Normal", driving_path_flag="N", create_date="2026-03-02 09:30",
        update_date="2026-05-04 16:02", create_user="jsmith", update_user="jsmith",
    )  # fmt: skip
    return _row(*(v[k] for k in TASK_FIELDS))


def _sched(sid: int, pid: int) -> str:
    return _row(sid, pid, "SD_Both", "N", "Y", "Y", "N", "FT_FF", "rcal_Predecessor", "Y", "N", 0, "Y", 1, 25, "N",
                "Y", "Y")  # fmt: skip


def multi_project() -> None:
    """A P6 export of project PLANT-A (export_flag Y) that links to an activity of SUPPLY-26, which P6 put in the
    file too, before it and not flagged, and to an activity of a project the file does not hold (pred_proj_id
    4600). PLANT-A works a 4 x 10-hour week (Monday-Thursday 07:00-17:30, half an hour for lunch; Whit Monday 25
    May 2026 off), so its lags of 10 and 20 hours are a day and two, a quarter and half a week. WBS three levels
    deep: Civil works > Foundations, Drainage; Mechanical; Handover. Excavation is half done."""
    five = {d: [("08:00", "12:00"), ("13:00", "17:00")] for d in range(2, 7)}
    four = {d: [("07:00", "12:00"), ("12:30", "17:30")] for d in range(2, 6)}
    lines = [
        "ERMHDR\t22.12\t2026-05-04\tProject\tjsmith\tJane Smith\tdbxDatabaseNoName\tProject Management\tUSD",
        "%T\tCURRTYPE",
        "%F\tcurr_id\tdecimal_digit_cnt\tcurr_symbol\tdecimal_symbol\tdigit_group_symbol\tpos_curr_fmt_type\t"
        "neg_curr_fmt_type\tcurr_type\tcurr_short_name\tgroup_digit_cnt\tbase_exch_rate",
        _row(1, 2, "$", ".", ",", "#1.1", "(#1.1)", "US Dollar", "USD", 3, 1),
        "%T\tPROJECT",
        "%F\t" + "\t".join(PROJECT_FIELDS),
        _project(4507, "SUPPLY-26", 1, "2026-05-04 08:00", "2026-06-19 17:00", exported=False),
        _project(4508, "PLANT-A", 2, "2026-05-04 07:00", "2026-07-16 17:30", exported=True),
        "%T\tCALENDAR",
        "%F\tclndr_id\tdefault_flag\tclndr_name\tproj_id\tbase_clndr_id\tlast_chng_date\tclndr_type\tday_hr_cnt\t"
        "week_hr_cnt\tmonth_hr_cnt\tyear_hr_cnt\trsrc_private\tclndr_data",
        _row(1, "Y", "Standard 5 Day Workweek", "", "", "2026-01-05 10:00", "CA_Base", 8, 40, 172, 2000, "N",
             _days(five, [46380, 46381])),  # fmt: skip
        _row(2, "N", "4x10 Field crew", 4508, "", "2026-03-02 09:20", "CA_Project", 10, 40, 172, 2000, "N",
             _days(four, [46167])),  # fmt: skip
        "%T\tSCHEDOPTIONS",
        "%F\t" + "\t".join(SCHED_FIELDS),
        _sched(1, 4507),
        _sched(2, 4508),
        "%T\tPROJWBS",
        "%F\t" + "\t".join(WBS_FIELDS),
        _wbs(9000, 4507, 0, "Y", "SUPPLY-26", "Supply chain 2026", 8000),
        _wbs(9001, 4507, 10, "N", "PROC", "Procurement", 9000),
        _wbs(9100, 4508, 0, "Y", "PLANT-A", "Plant A retrofit", 8000),
        _wbs(9110, 4508, 10, "N", "CIV", "Civil works", 9100),
        _wbs(9111, 4508, 10, "N", "CIV.FND", "Foundations", 9110),
        _wbs(9112, 4508, 20, "N", "CIV.DRN", "Drainage", 9110),
        _wbs(9120, 4508, 20, "N", "MECH", "Mechanical", 9100),
        _wbs(9130, 4508, 30, "N", "HAND", "Handover", 9100),
        "%T\tTASK",
        "%F\t" + "\t".join(TASK_FIELDS),
        _task(70001, 4507, 9001, 1, "SC1000", "Order turbine", 40, "2026-05-04 08:00", "2026-05-08 17:00",
              status="TK_Complete", remain=0, pct=100, act_start="2026-05-04 08:00", act_end="2026-05-08 17:00"),
        _task(70002, 4507, 9001, 1, "SC1010", "Deliver turbine to site", 240, "2026-05-11 08:00",
              "2026-06-19 17:00"),
        _task(80001, 4508, 9111, 2, "A1000", "Excavate foundations", 40, "2026-05-04 07:00", "2026-05-07 17:30",
              status="TK_Active", remain=20, pct=50, act_start="2026-05-04 07:00"),
        _task(80002, 4508, 9111, 2, "A1010", "Pour foundation slab", 60, "2026-05-11 07:00", "2026-05-14 17:30"),
        _task(80003, 4508, 9112, 2, "A1020", "Lay drainage", 80, "2026-05-13 07:00", "2026-05-26 17:30"),
        _task(80004, 4508, 9120, 2, "A1030", "Install turbine", 120, "2026-06-22 07:00", "2026-07-08 17:30"),
        _task(80005, 4508, 9120, 2, "A1040", "Commission turbine", 40, "2026-07-09 07:00", "2026-07-16 17:30"),
        _task(80006, 4508, 9130, 2, "M1050", "Plant A handed over", 0, "2026-07-16 17:30", "2026-07-16 17:30",
              ttype="TT_FinMile"),
        "%T\tTASKPRED",
        "%F\ttask_pred_id\ttask_id\tpred_task_id\tproj_id\tpred_proj_id\tpred_type\tlag_hr_cnt\tcomments\t"
        "float_path\taref\tarls",
        _row(60001, 70002, 70001, 4507, 4507, "PR_FS", 0, "", "", "", ""),
        _row(60002, 80002, 80001, 4508, 4508, "PR_FS", 10, "", "", "", ""),
        _row(60003, 80003, 80002, 4508, 4508, "PR_SS", 20, "", "", "", ""),
        _row(60004, 80004, 70002, 4508, 4507, "PR_FS", 0, "", "", "", ""),
        _row(60005, 80004, 80002, 4508, 4508, "PR_FS", 0, "", "", "", ""),
        _row(60006, 80005, 80004, 4508, 4508, "PR_FS", 0, "", "", "", ""),
        _row(60007, 80006, 80005, 4508, 4508, "PR_FF", 0, "", "", "", ""),
        _row(60008, 80005, 91234, 4508, 4600, "PR_FS", 0, "", "", "", ""),
        "%E",
    ]  # fmt: skip
    data = "\r\n".join(lines) + "\r\n"
    (HERE / "p6-multi-project-exported-second.xer").write_bytes(data.encode("cp1252"))


if __name__ == "__main__":
    multi_project()
