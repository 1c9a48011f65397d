"""Books full of residents' phone and ID numbers written every way staff type them (V09 tests).

``seed_numbers`` puts them into every free-text place a screen, ledger or printed paper quotes:
visit requests, results, follow-ups and feedback, handover notes, duty log notes, proxy cases,
whereabouts notes, and residents' own phone and ID fields. ``FULL_NUMBERS`` are the digits none
of those may show in full to an operator or on masked paper; ``leaks`` finds them in any text.
"""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.personal_numbers import digits_of
from dutydesk.store.duty.handover import add_note, write_handover
from dutydesk.store.duty.whereabouts import set_whereabouts
from dutydesk.store.notices.proxy_cases import NewCase, create_case
from dutydesk.store.visits.residents import ResidentData, create_resident
from dutydesk.store.visits.visit import VisitDraft, register_visit
from dutydesk.store.visits.visit_progress import add_followup, complete, record_feedback
from tests.duty_helpers import make_staff, put_on
from tests.notice_helpers import all_ticks, version
from tests.notice_helpers import seed as seed_catalogue

# (as written in free text, the full digits)
FORMS = {
    "spaced": ("139 1234 5678", "13912345678"),
    "dashed": ("139-8765-4321", "13987654321"),
    "plus86": ("+86 135 1111 2222", "13511112222"),
    "0086": ("0086 136 3333 4444", "13633334444"),
    "fullwidth": ("１３７５５５５６６６６", "13755556666"),
    "id_grouped": ("110105 19900307 1234", "110105199003071234"),
    "id_dashed_x": ("110105-19850512-432x", "11010519850512432X"),
    "id_fullwidth_x": ("32010219770101123Ｘ", "32010219770101123X"),
    "id_15": ("110105900307123", "110105900307123"),
    "landline": ("0571-88886666", "057188886666"),
}
# Residents' own records (typed into their phone and ID fields).
RESIDENT_PHONE = "13822223333"
RESIDENT_ID = "11010519491231002X"
STAFF_PHONES = ("13800000001", "13800000002", "13800000003")  # public on the roster board (D04)

FULL_NUMBERS = [digits for _written, digits in FORMS.values()] + [RESIDENT_PHONE, RESIDENT_ID]


def written(key: str) -> str:
    return FORMS[key][0]


def _number_digits(number: str) -> str:
    return digits_of(number) + ("X" if number.upper().endswith("X") else "")


def leaks(text: str) -> list[str]:
    """The full numbers ``text`` shows (digits compared however they were written)."""
    plain = "".join(ch for ch in text if not ch.isspace())
    found = digits_of(plain)
    return [n for n in FULL_NUMBERS if digits_of(n) in found]


def seed_numbers(desk) -> dict:
    """Staff on duty, a resident, visits, handover, duty note, whereabouts: all quoting numbers."""
    staff = make_staff(desk)
    monday = dt.date(2026, 11, 23)
    for day in (monday, monday + dt.timedelta(days=1)):
        put_on(desk, day, "am", staff["王委员"])
        put_on(desk, day, "pm", staff["赵文书"])
    who, cal = desk.who, desk.calendar()
    resident = create_resident(ResidentData("周桂兰", id_number=RESIDENT_ID, phones=[RESIDENT_PHONE],
                                            village_group="三组", note=f"女儿电话{written('dashed')}"),
                               who, desk.now())
    at = dt.datetime(2026, 11, 23, 9, 30)
    first = register_visit(VisitDraft(
        channel="来访", category="政策咨询", person_name="周桂兰", resident_id=resident.id,
        contact=RESIDENT_PHONE, request=f"回电{written('spaced')}，身份证{written('id_grouped')}",
        responder_name="李文书", outcome="即办", result=f"已电话告知{written('dashed')}", received_at=at,
    ), who, at, cal)
    record_feedback(first, "电话", f"拨{written('plus86')}已告知", who, at + dt.timedelta(hours=1), "满意")
    second = register_visit(VisitDraft(
        channel="来电", category="代办", person_name="吴建国", contact="13633334444",
        request=f"低保续办{written('fullwidth')}，身份证{written('id_dashed_x')}",
        responder_name="李文书", outcome="代办", deadline_kind="review",
        received_at=at + dt.timedelta(hours=2),
    ), who, at + dt.timedelta(hours=2), cal)
    add_followup(second, f"已联系家属{written('landline')}", who, at + dt.timedelta(hours=3))
    third = register_visit(VisitDraft(
        channel="来访", category="政策咨询", person_name="郑小红", contact="",
        request=f"老身份证{written('id_15')}换证，另一证件{written('id_fullwidth_x')}",
        responder_name="李文书", outcome="转办", transfer_to="镇派出所", transfer_contact="派出所户籍窗口",
        deadline_kind="review",
        received_at=at + dt.timedelta(hours=4),
    ), who, at + dt.timedelta(hours=4), cal)
    complete(third, f"已转办，回电{written('spaced')}", who, at + dt.timedelta(hours=5))
    write_handover(monday, "am", staff["王委员"], f"周桂兰女儿来电{written('plus86')}，明天再联系",
                   f"吴建国{written('0086')}低保材料", who, dt.datetime(2026, 11, 23, 12, 0))
    add_note(dt.datetime(2026, 11, 23, 15, 0), "来电", f"群众{written('fullwidth')}反映路灯坏",
             who, desk.now(), result=f"已告知{written('id_grouped')}")
    add_note(dt.datetime(2026, 11, 24, 8, 40), "来电", f"吴建国家属{written('0086')}来电", who, desk.now(),
             result=f"回电{written('fullwidth')}")
    seed_catalogue(desk)
    item = version("SB-01")
    case = create_case(NewCase(item, "周桂兰", all_ticks(item), agent="李文书", person_phone=RESIDENT_PHONE,
                               visit_id=second.id, resident_id=resident.id),
                       who, at + dt.timedelta(hours=6), cal)
    set_whereabouts(staff["李主任"], "下村入户", f"在周桂兰家{written('landline')}", who,
                    dt.datetime(2026, 11, 24, 8, 0))
    return {"staff": staff, "resident": resident, "visits": [first, second, third], "case": case}
