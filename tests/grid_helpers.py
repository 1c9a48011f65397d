"""A small village for the grid tests: three cadres, residents, an area and two households."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from dutydesk.store.duty.staff import StaffInput, add_staff
from dutydesk.store.grid.area import AreaDraft, create_area
from dutydesk.store.grid.household import HouseholdDraft, create_household
from dutydesk.store.visits.residents import ResidentData, create_resident


def make_village(desk) -> SimpleNamespace:
    now, who = desk.now(), desk.who
    since = dt.date(2020, 1, 1)
    secretary = add_staff(StaffInput("王书记", "书记", "13900000001", active_from=since), who, now)
    member = add_staff(StaffInput("赵委员", "两委委员", "13900000002", active_from=since), who, now)
    clerk = add_staff(StaffInput("李文书", "文书", "13900000003", active_from=since), who, now)
    zhang = create_resident(ResidentData("张三", id_number="11010519491231002X", phones=["13812345678"],
                                         village_group="三组"), who, now)
    zhang_wife = create_resident(ResidentData("刘梅", village_group="三组"), who, now)
    li = create_resident(ResidentData("李四", village_group="三组"), who, now)
    area = create_area(AreaDraft("三组片区", member.id, clerk.id, scope="三组"), who, now)
    h1 = create_household(HouseholdDraft(zhang.id, area.id, "三组", "青石村三组12号", ["低保户"]), who, now)
    h2 = create_household(HouseholdDraft(li.id, area.id, "三组", "青石村三组15号"), who, now)
    return SimpleNamespace(secretary=secretary, member=member, clerk=clerk, zhang=zhang, zhang_wife=zhang_wife,
                           li=li, area=area, h1=h1, h2=h2)
