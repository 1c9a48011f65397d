"""P10: the proxy agent on duty is the default agent of a new case; P11: a case that needs
verification is investigated (and surveyed on site) before it can be sent up."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain.proxy_case import StepError, StepKind, Verification, verification_refusal
from dutydesk.store.notices import proxy_cases, proxy_intake
from dutydesk.store.notices import proxy_investigation as inv
from dutydesk.store.notices import session_agent as sa
from dutydesk.store.open_matters import open_matters
from dutydesk.store.settings import set_setting
from tests.duty_helpers import make_staff, put_on
from tests.notice_helpers import new_case, seed

SUBMIT = {"unit": "镇便民服务中心", "date": dt.date(2026, 11, 24), "carrier": "李文书"}


def test_p10_the_sessions_named_agent_comes_before_the_first_responder(desk):
    staff = make_staff(desk)
    now = desk.now()  # Tue 09:00, in the morning session
    session = sa.session_at(now)
    assert session is not None
    assert proxy_intake.default_agent("李文书", "管理员", now) == "李文书"  # none named: P05
    sa.name_agent(now.date(), session.key, "王委员", desk.who, now)
    assert proxy_intake.default_agent("李文书", "管理员", now) == "王委员"
    sa.name_agent(now.date(), session.key, "赵文书", desk.who, now)  # changed, with history
    assert sa.agent_on_duty(now) == "赵文书"
    with pytest.raises(sa.AgentInvalid):
        sa.name_agent(now.date(), session.key, "路人甲", desk.who, now)
    assert "张书记" in staff


def test_p10_designated_or_rotating_agent_from_the_duty_setting(desk):
    staff = make_staff(desk)
    now = desk.now()
    session = sa.session_at(now)
    put_on(desk, now.date(), session.key, staff["钱村官"])
    put_on(desk, now.date(), session.key, staff["孙干部"])
    set_setting(sa.AGENT_MODE, sa.ROTATING, now.date(), desk.who, now)
    assert proxy_intake.default_agent("李文书", "管理员", now) == "钱村官"
    set_setting(sa.AGENT_MODE, sa.DESIGNATED, now.date(), desk.who, now)
    set_setting(sa.DESIGNATED_AGENT, "王委员", now.date(), desk.who, now)
    assert proxy_intake.default_agent("李文书", "管理员", now) == "王委员"
    assert sa.agent_on_duty(dt.datetime(2026, 11, 24, 22, 30)) == ""  # between sessions


def test_p11_verification_refusal_rule():
    assert verification_refusal(Verification()) == ""
    assert "指定调查人" in verification_refusal(Verification(True))
    assert "尚未登记" in verification_refusal(Verification(True, investigator="王委员"))
    assert "现场勘查" in verification_refusal(Verification(True, True, "王委员", "属实"))
    assert verification_refusal(Verification(True, True, "王委员", "属实", "四至清楚")) == ""


def test_p11_investigation_required_before_sending_up_with_site_survey(desk):
    seed(desk)
    make_staff(desk)
    case = new_case(desk, code="NY-02")  # house-building: site survey, 5 days' public notice
    plain = new_case(desk, code="SB-01", name="李四")
    proxy_cases.record_step(plain, StepKind.SUBMIT, SUBMIT, "李文书", desk.now())  # no investigation needed

    matter = next(m for m in open_matters(desk.today(), desk.calendar()) if m.ref == case.slip_no
                  and m.summary.startswith("调查核实"))
    assert "请指定调查人" in matter.summary
    proxy_cases.record_step(case, StepKind.PUBLICIZE, {"start": dt.date(2026, 11, 18), "end": dt.date(2026, 11, 23),
                                                       "objection": False}, "李文书", desk.now())
    with pytest.raises(StepError, match="指定调查人"):
        proxy_cases.record_step(case, StepKind.SUBMIT, SUBMIT, "李文书", desk.now())
    with pytest.raises(inv.InvestigationInvalid):
        inv.assign_investigator(case, "王委员", dt.date(2026, 11, 1), "李文书", desk.now())
    row = inv.assign_investigator(case, "王委员", dt.date(2026, 11, 27), "李文书", desk.now())
    assert row.site_survey
    assert any(m.summary.startswith("调查核实和现场勘查") and m.due == dt.date(2026, 11, 27)
               for m in open_matters(desk.today(), desk.calendar()))
    with pytest.raises(StepError, match="尚未登记"):
        proxy_cases.record_step(case, StepKind.SUBMIT, SUBMIT, "李文书", desk.now())
    with pytest.raises(inv.InvestigationInvalid) as err:
        inv.record_findings(case, "一户一宅属实", "", "王委员", desk.now())
    assert "现场勘查" in err.value.errors["survey_findings"]
    inv.record_findings(case, "一户一宅属实", "现场丈量，四至清楚，不占基本农田", "王委员", desk.now())
    proxy_cases.record_step(case, StepKind.SUBMIT, SUBMIT, "李文书", desk.now())
    assert case.state == "submitted"
    assert not any(m.ref == case.slip_no and m.summary.startswith("调查") for m in
                   open_matters(desk.today(), desk.calendar()))


def test_p11_an_item_without_verification_takes_no_investigator(desk):
    seed(desk)
    case = new_case(desk, code="SB-01")
    with pytest.raises(inv.InvestigationInvalid) as err:
        inv.assign_investigator(case, "王委员", dt.date(2026, 11, 27), "李文书", desk.now())
    assert err.value.errors["investigator"] == "该事项不需要调查核实"
