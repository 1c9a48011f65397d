"""Issue 16, the channel back down: the village imports the township's package.

P03: the township's result advances the village's 代办单 (上级已办结 / 退回补件 with the reason),
the step recorded with the township as its source. A package applies once (A01: logged; A03:
every change audited), a tampered package applies nothing, rows for other villages are ignored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from dutydesk.domain.proxy_case import CaseState, StepKind
from dutydesk.domain.settings import REGISTRY
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import set_password
from dutydesk.store.audit import AuditEntry
from dutydesk.store.center import load_center, save_center
from dutydesk.store.notices import catalogue
from dutydesk.store.notices.proxy_cases import ProxyCase, live_steps, record_step
from dutydesk.store.settings import get_setting
from dutydesk.store.township_inbox import TownshipDecision, TownshipKey, TownshipPackage, latest_decision
from dutydesk.township.package import DatedSetting, PackageError
from dutydesk.township.package_import import CHANGED_KEY, FIRST_KEY, SAME_KEY, apply_plan, plan_import
from tests.notice_helpers import new_case, seed
from tests.township.package_helpers import OTHER_VILLAGE, TOWNSHIP, VILLAGE, decision, package, result

SUBMIT = {"unit": "桃源镇便民服务中心", "date": dt.date(2026, 11, 20), "carrier": "李文书"}
JOINT = REGISTRY["duty.joint_liability"]


@pytest.fixture
def village(desk):
    save_center(dataclasses.replace(load_center(), division_code=VILLAGE), "测试", desk.now())
    seed(desk)
    desk.account = Account.get(Account.name == "王书记")
    return desk


def _submitted(desk, name: str) -> ProxyCase:
    case = new_case(desk, code="SB-01", name=name)
    record_step(case, StepKind.SUBMIT, SUBMIT, "李文书", desk.now())
    return ProxyCase.get_by_id(case.id)


def _import(desk, folder, **kwargs):
    plan = plan_import(desk, folder)
    return plan, apply_plan(desk, plan, key_confirmed=True, **kwargs)


def test_p03_package_moves_a_case_to_done_another_back_for_materials_and_applies_once(village, tmp_path):
    done, back = _submitted(village, "张秀英"), _submitted(village, "李桂兰")
    package(tmp_path / "p", tmp_path / "key", results=[
        result(done.slip_no, "done", "已办结，社保卡已制好"),
        result(back.slip_no, "returned_for_materials", "缺户口本首页复印件")])
    _import(village, tmp_path / "p")
    assert ProxyCase.get_by_id(done.id).case_state is CaseState.APPROVED
    assert ProxyCase.get_by_id(back.id).case_state is CaseState.RETURNED
    approve = live_steps(ProxyCase.get_by_id(done.id))[-1]
    assert (approve.kind, approve.staff, approve.data["result"]) == ("approve", TOWNSHIP, "已办结，社保卡已制好")
    assert approve.done_at == dt.datetime(2026, 11, 21, 15, 30)  # when the township finished it
    returned = live_steps(ProxyCase.get_by_id(back.id))[-1]
    assert (returned.staff, returned.data["reason"]) == (TOWNSHIP, "缺户口本首页复印件")
    assert AuditEntry.select().where(AuditEntry.table_name == "proxy_step",
                                     AuditEntry.account == "王书记").count() == 2  # who imported it

    entries = AuditEntry.select().count()
    again = plan_import(village, tmp_path / "p")
    assert again.already is not None and "不会重复导入" in "\n".join(again.lines())
    with pytest.raises(PackageError, match="已经导入过"):
        apply_plan(village, again, key_confirmed=True)
    assert AuditEntry.select().count() == entries
    assert ProxyCase.get_by_id(done.id).case_state is CaseState.APPROVED
    assert TownshipPackage.select().count() == 1


def test_a_result_repeated_by_a_later_package_is_not_applied_again(village, tmp_path):
    back = _submitted(village, "李桂兰")
    returned = result(back.slip_no, "returned_for_materials", "缺户口本首页复印件")
    package(tmp_path / "p1", tmp_path / "key", results=[returned])
    _import(village, tmp_path / "p1")
    record_step(ProxyCase.get_by_id(back.id), StepKind.SUBMIT, SUBMIT, "李文书", village.now())  # resubmitted
    package(tmp_path / "p2", tmp_path / "key", results=[returned], written_at=dt.datetime(2026, 11, 24, 8, 0))
    plan, _package = _import(village, tmp_path / "p2")
    assert ProxyCase.get_by_id(back.id).case_state is CaseState.SUBMITTED
    assert any("已由之前的数据包导入" in line for line in plan.lines())


def test_flipped_byte_is_refused_and_nothing_applies(village, tmp_path):
    case = _submitted(village, "张秀英")
    package(tmp_path / "p", tmp_path / "key", results=[result(case.slip_no)], decisions=[decision()])
    path = tmp_path / "p" / "proxy_results.jsonl"
    data = bytearray(path.read_bytes())
    data[3] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(PackageError, match="与清单不符"):
        plan_import(village, tmp_path / "p")
    assert ProxyCase.get_by_id(case.id).case_state is CaseState.SUBMITTED
    assert TownshipPackage.select().count() == 0 and TownshipDecision.select().count() == 0


def test_rows_for_another_village_are_ignored(village, tmp_path):
    case = _submitted(village, "张秀英")
    package(tmp_path / "p", tmp_path / "key",
            results=[result(case.slip_no, village=OTHER_VILLAGE)],
            decisions=[decision(village=OTHER_VILLAGE), decision("2026-09", "approved", "")])
    plan, _package = _import(village, tmp_path / "p")
    assert ProxyCase.get_by_id(case.id).case_state is CaseState.SUBMITTED
    assert latest_decision("2026-10") is None
    assert latest_decision("2026-09").label == "镇级已审核"
    assert "不导入：发给其他村（社区）的 2 条审核或代办结果" in plan.lines()


def test_settings_apply_from_their_date_and_a_past_date_from_today(village, tmp_path):
    package(tmp_path / "p", tmp_path / "key", settings=[
        DatedSetting("duty.joint_liability", 80, dt.date(2027, 1, 1)),
        DatedSetting("duty.finding_threshold", 2, dt.date(2026, 1, 1)),
        DatedSetting("no.such.setting", 5, dt.date(2027, 1, 1))])
    plan, _package = _import(village, tmp_path / "p")
    assert get_setting(JOINT, on=dt.date(2026, 12, 31)) == 100
    assert get_setting(JOINT, on=dt.date(2027, 1, 1)) == 80
    threshold = REGISTRY["duty.finding_threshold"]
    assert get_setting(threshold, on=village.today()) == 2
    assert get_setting(threshold, on=village.today() - dt.timedelta(days=1)) == 3  # the past is not rewritten
    lines = plan.lines()
    assert "将导入：书记、主任连带责任金额（元/次）：100 → 80，自2027-01-01起执行" in lines
    assert any("已过，自导入之日起执行" in line for line in lines)
    assert any("本程序没有的设置" in line for line in lines)
    assert AuditEntry.select().where(AuditEntry.table_name == "setting_value").count() == 2


def test_catalogue_and_a_missing_holiday_year_are_applied(village, tmp_path):
    exported = catalogue.export_catalogue(tmp_path / "目录.json", TOWNSHIP)
    doc = json.loads(exported.read_text(encoding="utf-8"))
    doc["items"][0]["name"] += "（镇里修订）"
    exported.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code = doc["items"][0]["code"]
    holidays = tmp_path / "2099.csv"
    holidays.write_text("date,type,name\n2099-01-01,休,元旦\n", encoding="utf-8")
    package(tmp_path / "p", tmp_path / "key", catalogue=exported, holidays={2099: holidays})
    plan, _package = _import(village, tmp_path / "p")
    assert catalogue.current_version(code).name.endswith("（镇里修订）")
    assert catalogue.current_version(code).note == f"导入：{TOWNSHIP}数据包"
    calendar = village.calendar()
    assert calendar.has_entered_year(2099) and not calendar.is_workday(dt.date(2099, 1, 1))
    assert "将导入：2099年节假日安排（1天）" in plan.lines()


def test_the_preview_lists_everything_and_writes_nothing(village, tmp_path):
    case = _submitted(village, "张秀英")
    package(tmp_path / "p", tmp_path / "key", results=[result(case.slip_no, "done")],
            decisions=[decision()], settings=[DatedSetting("duty.joint_liability", 80, dt.date(2027, 1, 1))])
    entries = AuditEntry.select().count()
    plan = plan_import(village, tmp_path / "p")
    text = "\n".join(plan.lines())
    assert "来自：桃源镇（区划代码 350425100000）" in text
    assert "请与镇里电话或书面核对密钥指纹" in text
    assert "2026年10月报送：镇级退回（来访登记缺少反馈结果）" in text
    assert f"代办单{case.slip_no}（张秀英）：上级已办结，办理单位桃源镇" in text
    assert "自2027-01-01起执行" in text
    assert AuditEntry.select().count() == entries
    assert ProxyCase.get_by_id(case.id).case_state is CaseState.SUBMITTED


def test_a_case_not_waiting_for_the_township_is_left_alone_with_the_reason(village, tmp_path):
    case = new_case(village, code="SB-01")  # accepted, never sent up
    package(tmp_path / "p", tmp_path / "key", results=[result(case.slip_no), result("DB2026-999999")])
    plan, _package = _import(village, tmp_path / "p")
    assert ProxyCase.get_by_id(case.id).case_state is CaseState.ACCEPTED
    lines = plan.lines()
    assert any("当前状态为“已受理”，不能登记“上级已办结”" in line for line in lines)
    assert "不导入：代办单DB2026-999999：本中心没有这张代办单" in lines


def test_key_is_confirmed_once_and_another_key_needs_a_director(village, tmp_path):
    package(tmp_path / "p1", tmp_path / "key", decisions=[decision()])
    first = plan_import(village, tmp_path / "p1")
    assert first.key_status == FIRST_KEY
    with pytest.raises(PackageError, match="核对密钥指纹"):
        apply_plan(village, first)
    apply_plan(village, first, key_confirmed=True)
    package(tmp_path / "p2", tmp_path / "key", decisions=[decision("2026-09", "approved", "")],
            written_at=dt.datetime(2026, 11, 24, 8, 0))
    assert plan_import(village, tmp_path / "p2").key_status == SAME_KEY
    package(tmp_path / "p3", tmp_path / "other-key", decisions=[decision("2026-08", "approved", "")])
    changed = plan_import(village, tmp_path / "p3")
    assert changed.key_status == CHANGED_KEY and "须主任与镇里核对后确认" in "\n".join(changed.lines())
    with pytest.raises(PackageError, match="须主任确认"):
        apply_plan(village, changed, key_confirmed=True)
    assert latest_decision("2026-08") is None
    director = Account.get(Account.name == "王书记")
    set_password(director, "1357", village.who, village.now())
    apply_plan(village, changed, key_confirmed=True, director=director)
    assert TownshipKey.select().count() == 2 and TownshipKey.select().order_by(TownshipKey.id.desc()).first(
    ).approved_by == "王书记"


def test_a_later_decision_on_a_month_supersedes_the_earlier_one(village, tmp_path):
    package(tmp_path / "p1", tmp_path / "key", decisions=[decision()])
    _import(village, tmp_path / "p1")
    assert latest_decision("2026-10").label == "镇级退回"
    later = dataclasses.replace(decision(kind="approved", reasons=""), at=dt.datetime(2026, 11, 23, 9, 0))
    package(tmp_path / "p2", tmp_path / "key", decisions=[decision(), later], written_at=dt.datetime(2026, 11, 24))
    _import(village, tmp_path / "p2")
    assert latest_decision("2026-10").label == "镇级已审核"
    assert TownshipDecision.select().count() == 2


def test_log_tables_are_append_only(village, tmp_path):
    package(tmp_path / "p", tmp_path / "key", decisions=[decision()])
    _import(village, tmp_path / "p")
    with pytest.raises(Exception, match="只能追加"):
        village.db.execute_sql("UPDATE township_decision SET reasons = ''")
    with pytest.raises(Exception, match="只能追加"):
        village.db.execute_sql("DELETE FROM township_package")


def test_the_village_needs_its_division_code(desk, tmp_path):
    package(tmp_path / "p", tmp_path / "key")
    with pytest.raises(PackageError, match="统计用区划代码"):
        plan_import(desk, tmp_path / "p")


def test_decisions_and_change_kinds_read_in_chinese_in_the_audit_view():
    from dutydesk.domain import labels

    assert labels.value_label("township_decision", "decision", "returned") == "镇级退回"
    assert labels.value_label("township_package_item", "kind", "proxy_result") == "代办结果"


def test_a_package_from_another_township_is_pointed_out(village, tmp_path):
    save_center(dataclasses.replace(load_center(), division_code="350425200201"), "测试", village.now())
    package(tmp_path / "p", tmp_path / "key")
    assert any("不在桃源镇（350425100000）之下" in line for line in plan_import(village, tmp_path / "p").lines())
