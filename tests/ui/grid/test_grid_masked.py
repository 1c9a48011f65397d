"""V09 on the 网格走访 pages: an operator walking every page and selecting every first row sees
no resident's phone or ID number in full (members, visits, needs, diary entries)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QAbstractItemView

from dutydesk.store.accounts.account import Account
from dutydesk.store.duty.staff import StaffInput, add_staff
from dutydesk.store.grid.area import AreaDraft, create_area
from dutydesk.store.grid.diary import DiaryDraft, add_entry, report_entry
from dutydesk.store.grid.household import HouseholdDraft, create_household
from dutydesk.store.grid.household_visit import HouseholdVisitDraft, NeedDraft, record_household_visit
from tests.personal_numbers_data import seed_numbers, written
from tests.ui.grid.test_grid_tab import make_tab
from tests.ui.test_masked_screens import assert_no_leak


def test_v09_operator_sees_no_full_number_on_the_grid_pages(qtbot, app, desk):
    data = seed_numbers(desk)
    cadre = add_staff(StaffInput("钱网格", "两委委员", "13900000008", active_from=dt.date(2020, 1, 1)),
                      desk.who, desk.now())
    area = create_area(AreaDraft("三组片区", cadre.id), desk.who, desk.now())
    household = create_household(HouseholdDraft(data["resident"].id, area.id, "三组", "青石村三组8号",
                                                note=f"联系{written('dashed')}"), desk.who, desk.now())
    record_household_visit(HouseholdVisitDraft(dt.date(2026, 11, 24), household.id, [cadre.id], "走访",
                                               f"女儿电话{written('spaced')}",
                                               [NeedDraft(f"回电{written('plus86')}", register=False)]),
                           desk.who, desk.now(), desk.calendar())
    entry = add_entry(DiaryDraft(cadre.id, dt.date(2026, 11, 24), f"身份证{written('id_grouped')}",
                                 f"已回电{written('fullwidth')}", household_id=household.id, major=True),
                      desk.who, desk.now())
    report_entry(entry, "镇党委", desk.now(), desk.who, desk.now())
    desk.account = Account.get(Account.name == "李文书")
    tab = make_tab(qtbot, desk)
    for index in range(tab.pages.count()):
        tab.pages.setCurrentIndex(index)
        qtbot.wait(5)
        for view in tab.pages.currentWidget().findChildren(QAbstractItemView):
            model = view.model()
            if model is not None and model.rowCount() > 0 and view.isVisibleTo(tab):
                view.setCurrentIndex(model.index(0, 0))
        if tab.pages.currentWidget() is tab.areas:
            rows = [h.code for h in tab.areas.shown_households]
            tab.areas.households.selectRow(rows.index(household.code))
        assert_no_leak(tab, tab.pages.tabText(index))
