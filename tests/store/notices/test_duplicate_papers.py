"""No duplicate official papers (N06, P05): one open 代办单 per visit and item, one number per notice,
and printing again is a registered 补打 under the same number."""

from __future__ import annotations

import re

import pytest
from peewee import IntegrityError
from pypdf import PdfReader

from dutydesk.domain.catalogue import Tick
from dutydesk.store.audit import history
from dutydesk.store.center import load_center
from dutydesk.store.migrations import migrate
from dutydesk.store.migrations.m0032_one_open_slip_reprints import one_open_index
from dutydesk.store.notices import notice as notices
from dutydesk.store.notices import proxy_cases, reprints, slip_numbers
from dutydesk.store.notices.notice import ChecklistEntry, NoticeInvalid
from dutydesk.store.notices.proxy_cases import CaseInvalid, NewCase, ProxyCase
from dutydesk.store.notices.reprints import ReprintInvalid
from tests.notice_helpers import all_ticks, new_case, proxy_visit, seed, version


@pytest.fixture
def books(desk):
    seed(desk)
    return desk


def accept(desk, visit, code: str = "SB-01"):
    v = version(code)
    entry = ChecklistEntry(v, visit.person_name, all_ticks(v), visit.contact, visit_id=visit.id)
    return proxy_cases.accept_from_checklist(entry, "李文书", "0", desk.who, desk.now(), desk.calendar())


def test_n06_second_acceptance_of_the_same_visit_and_item_is_refused_and_draws_no_number(books):
    visit = proxy_visit(books)
    _notice, first = accept(books, visit)
    with pytest.raises(CaseInvalid) as caught:
        accept(books, visit)
    assert f"已受理代办（代办单号{first.slip_no}），不能重复受理" in caught.value.errors["item"]
    assert [c.slip_no for c in proxy_cases.cases_for_visit(visit.id)] == [first.slip_no]
    assert slip_numbers.last_number("DB", 2026) == 1  # the refused attempt used no number
    assert len(notices.notices_for_visit(visit.id)) == 1  # nor left a second acceptance notice


def test_p05_create_case_itself_refuses_a_second_open_case_for_the_visit(books):
    visit = proxy_visit(books)
    new_case(books, visit=visit)
    with pytest.raises(CaseInvalid) as caught:
        new_case(books, visit=visit)
    assert "DB2026-000001" in caught.value.errors["item"]
    assert ProxyCase.select().count() == 1


def test_n06_another_item_for_the_same_visit_or_a_case_without_visit_is_not_a_duplicate(books):
    visit = proxy_visit(books)
    new_case(books, visit=visit)
    new_case(books, code="YB-01", visit=visit)
    new_case(books)
    new_case(books)  # no visit: nothing to tie them together
    assert ProxyCase.select().count() == 4


def test_n06_after_the_case_is_voided_or_closed_the_visit_can_be_accepted_again(books):
    visit = proxy_visit(books)
    _notice, first = accept(books, visit)
    proxy_cases.void_case(first, "材料页数登记错误", books.who, books.now())
    _notice, second = accept(books, visit)
    assert second.slip_no == "DB2026-000002"
    ProxyCase.update(state="closed").where(ProxyCase.id == second.id).execute()
    _notice, third = accept(books, visit)
    assert third.slip_no == "DB2026-000003"


def test_n06_the_unique_index_refuses_a_duplicate_the_check_did_not_see(books, monkeypatch):
    """Two desks checking at once: the partial unique index still lets only one case in."""
    visit = proxy_visit(books)
    new_case(books, visit=visit)
    real = proxy_cases.open_case_for
    calls = []

    def blind_once(visit_id, code):
        calls.append(code)
        return None if len(calls) == 1 else real(visit_id, code)

    monkeypatch.setattr(proxy_cases, "open_case_for", blind_once)
    with pytest.raises(CaseInvalid) as caught:
        new_case(books, visit=visit)
    assert "不能重复受理" in caught.value.errors["item"]
    assert ProxyCase.select().count() == 1
    assert slip_numbers.last_number("DB", 2026) == 1


def test_n06_item_code_is_kept_on_the_case(books):
    case = new_case(books)
    assert ProxyCase.get_by_id(case.id).item_code == "SB-01"


def test_n06_the_same_notice_for_the_same_visit_is_not_numbered_twice(books):
    visit = proxy_visit(books)
    v = version("SB-01")
    ticks = [Tick(m, i == 0, 1) for i, m in enumerate(v.item.materials)]
    entry = ChecklistEntry(v, visit.person_name, ticks, visit.contact, visit_id=visit.id)
    first = notices.record_notice(entry, books.who, books.now())
    with pytest.raises(NoticeInvalid) as caught:
        notices.record_notice(entry, books.who, books.now())
    assert f"编号{first.ref}" in caught.value.errors["item"] and "补打" in caught.value.errors["item"]
    assert notices.same_notice(entry).id == first.id
    # a different notice (one more material brought) is a new notice with its own number
    more = [Tick(m, i <= 1, 1) for i, m in enumerate(v.item.materials)]
    second = notices.record_notice(ChecklistEntry(v, visit.person_name, more, visit_id=visit.id),
                                   books.who, books.now())
    assert second.ref != first.ref
    # no visit: nothing ties two notices to one matter, so both are kept
    loose = ChecklistEntry(v, "王芳", ticks)
    assert notices.record_notice(loose, books.who, books.now()).ref != notices.record_notice(
        loose, books.who, books.now()).ref


def test_n06_reprint_keeps_the_number_and_records_who_when_why(books, clock):
    visit = proxy_visit(books)
    notice, case = accept(books, visit)
    clock.advance(hours=2)
    rows = reprints.register_reprints(reprints.CASE_PAPERS, case.slip_no, "群众遗失代办单", "李文书", books.now())
    assert [(r.paper, r.ref, r.printed_by, r.reason) for r in rows] == [
        ("receipt", case.slip_no, "李文书", "群众遗失代办单"), ("slip", case.slip_no, "李文书", "群众遗失代办单")]
    assert rows[0].printed_at == books.now()
    assert rows[1].mark == "补打（第1次，2026年11月24日 李文书）"
    assert history(rows[0])[0].action == "create"  # in the audit trail like every write
    again = reprints.register_reprints(["notice"], notice.ref, "经办人留存", books.who, books.now())
    assert again[0].ref == notice.ref and again[0].ordinal == 1
    second = reprints.register_reprints(["slip"], case.slip_no, "再次遗失", books.who, books.now())
    assert second[0].ordinal == 2
    assert [r.paper for r in reprints.reprints_of(case.slip_no)] == ["receipt", "slip", "slip"]
    assert ProxyCase.select().count() == 1 and slip_numbers.last_number("DB", 2026) == 1


def test_n06_reprint_needs_a_reason_and_a_live_paper(books):
    case = new_case(books)
    with pytest.raises(ReprintInvalid) as caught:
        reprints.register_reprints(["slip"], case.slip_no, "  ", books.who, books.now())
    assert caught.value.errors == {"reason": "请填写补打原因"}
    with pytest.raises(ReprintInvalid) as caught:
        reprints.register_reprints(["slip"], "DB2026-000099", "遗失", books.who, books.now())
    assert "没有单号为DB2026-000099的代办单" in str(caught.value)
    proxy_cases.void_case(case, "重复受理", books.who, books.now())
    with pytest.raises(ReprintInvalid) as caught:
        reprints.register_reprints(["slip"], case.slip_no, "遗失", books.who, books.now())
    assert "已作废" in str(caught.value)
    assert reprints.reprints_of(case.slip_no) == []


def pdf_text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace(" ", "").replace("\n", "")


def test_n06_reprinted_papers_say_bu_da_with_the_same_number_and_the_first_print_is_kept(books):
    from dutydesk.reports import notice_records

    visit = proxy_visit(books)
    notice, case = accept(books, visit)
    center, folder = load_center(), books.folder.path
    first = notice_records.print_slip(case, center, folder)
    assert "补打" not in pdf_text(first)
    slip, receipt = (reprints.register_reprints(["slip", "receipt"], case.slip_no, "遗失", books.who,
                                                books.now()))
    (note,) = reprints.register_reprints(["notice"], notice.ref, "遗失", books.who, books.now())
    for path, number in ((notice_records.print_slip(case, center, folder, reprint=slip), case.slip_no),
                         (notice_records.print_receipt(case, center, folder, reprint=receipt), case.slip_no),
                         (notice_records.print_notice(notice, center, folder, reprint=note), notice.ref)):
        text = pdf_text(path)
        assert "补打（第1次" in text and number in text, path.name
        assert "补打1" in path.name
    assert first.exists() and "补打" not in pdf_text(first)


def test_n06_migration_keeps_earlier_duplicates_out_of_the_index_and_fills_item_codes(tmp_path):
    """A file that already holds the bug's duplicate slips still opens; nothing is changed or lost."""
    from dutydesk.store.base import connect

    db = connect(tmp_path / "old.sqlite3")
    migrate(db, upto="m0031_notices_proxy_cases")
    db.execute_sql("INSERT INTO visit (id, channel, category, person_name, request, received_at, "
                   "responder_name, outcome, status, created_at, created_by) VALUES (1, '来访', '代办', "
                   "'张秀英', '养老保险', '2026-11-24T09:00:00', '李文书', '代办', 'open', "
                   "'2026-11-24T09:00:00', '李文书')")
    db.execute_sql("INSERT INTO catalogue_version (id, code, version, name, kind, data, created_at, created_by) "
                   "VALUES (1, 'SB-01', 1, '养老保险', '代办', '{}', '2026-11-01T08:00:00', '管理员')")
    for case_id in (61, 62, 63):
        db.execute_sql(
            "INSERT INTO proxy_case (id, slip_no, visit_id, item_version_id, person_name, accepted_at, "
            "promised_date, agent, state, created_at, created_by) VALUES (?, ?, 1, 1, '张秀英', "
            "'2026-11-24T09:30:00', '2026-12-01', '李文书', 'accepted', '2026-11-24T09:30:00', '李文书')",
            (case_id, f"DB2026-0000{case_id}"))
    migrate(db)
    codes = db.execute_sql("SELECT DISTINCT item_code FROM proxy_case").fetchall()
    assert codes == [("SB-01",)]
    sql = db.execute_sql("SELECT sql FROM sqlite_master WHERE name = 'proxy_case_one_open'").fetchone()[0]
    assert sql == one_open_index([62, 63])
    assert db.execute_sql("SELECT count(*) FROM proxy_case WHERE voided_at IS NULL").fetchone() == (3,)
    with pytest.raises(IntegrityError):
        db.execute_sql(
            "INSERT INTO proxy_case (id, slip_no, visit_id, item_version_id, item_code, person_name, accepted_at, "
            "promised_date, agent, state, created_at, created_by) VALUES (64, 'DB2026-000064', 1, 1, 'SB-01', "
            "'张秀英', '2026-11-24T09:30:00', '2026-12-01', '李文书', 'accepted', '2026-11-24T09:30:00', '李文书')")
    db.close()


def test_n06_a_notice_printed_before_acceptance_becomes_the_acceptance_notice(books):
    visit = proxy_visit(books)
    v = version("SB-01")
    entry = ChecklistEntry(v, visit.person_name, all_ticks(v), visit.contact, visit_id=visit.id)
    told = notices.record_notice(entry, books.who, books.now())
    notice, case = proxy_cases.accept_from_checklist(entry, "李文书", "0", books.who, books.now(), books.calendar())
    assert notice.id == told.id and case.notice.id == told.id
    assert len(notices.notices_for_visit(visit.id)) == 1
    # after that case is voided, accepting again gives a fresh acceptance notice for the new slip
    proxy_cases.void_case(case, "登记错误", books.who, books.now())
    again, _case = proxy_cases.accept_from_checklist(entry, "李文书", "0", books.who, books.now(), books.calendar())
    assert again.id != told.id


def test_n06_without_a_visit_the_desks_last_case_and_notice_are_what_would_repeat(books):
    case = new_case(books)
    assert proxy_cases.already_accepted(None, "SB-01", " 张秀英 ", case) == case
    assert proxy_cases.already_accepted(None, "SB-01", "王芳", case) is None  # the next person
    assert proxy_cases.already_accepted(None, "YB-01", "张秀英", case) is None  # another item
    v = version("SB-01")
    ticks = [Tick(m, i == 0, 1) for i, m in enumerate(v.item.materials)]
    entry = ChecklistEntry(v, "王芳", ticks)
    told = notices.record_notice(entry, books.who, books.now())
    assert notices.already_told(entry, told) == told
    assert notices.already_told(ChecklistEntry(v, "王芳", all_ticks(v)), told) is None  # now complete
    assert notices.already_told(ChecklistEntry(v, "李四", ticks), told) is None


RULE_ID = re.compile(r"[DVNPAG]\d\d")


def test_papers_and_messages_of_the_desk_show_no_rule_ids(books):
    """Users read only Chinese: no D05/P09-style rule numbers on a paper or in a message."""
    from dutydesk.reports import notice_records
    from dutydesk.ui.notices.checklist_page import item_html

    v = version("SJ-01")  # with a public-notice period
    with pytest.raises(CaseInvalid) as caught:
        proxy_cases.create_case(NewCase(v, " ", [Tick(m, i == 0, 0) for i, m in enumerate(v.item.materials)],
                                        agent=" "), books.who, books.now(), books.calendar())
    with pytest.raises(NoticeInvalid) as refused:
        notices.record_notice(ChecklistEntry(v, "张秀英", [], eligible=False), books.who, books.now())
    notice = notices.record_notice(ChecklistEntry(v, "张秀英", all_ticks(v)), books.who, books.now())
    paper = pdf_text(notice_records.print_notice(notice, load_center(), books.folder.path))
    assert "公示7天" in item_html(v) and "须公示7天" in paper
    for text in (*caught.value.errors.values(), *refused.value.errors.values(), paper, item_html(v)):
        assert not RULE_ID.search(text), text
