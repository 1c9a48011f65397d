"""片区与住户: the areas with their owner, covering partner and who answers now (G01); each area's
resident files (households and members, key-person tags, G02) and work ledger (its visits)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.store.duty.staff import Staff
from dutydesk.store.grid import area as areas
from dutydesk.store.grid import household as households
from dutydesk.store.grid.household_visit import area_ledger, visits_of_household
from dutydesk.store.grid.pairing import KINDS as PAIRING_KINDS
from dutydesk.store.grid.pairing import end_pairing, pair, pairings_of_household
from dutydesk.store.privacy import mask_for, text_masker
from dutydesk.ui.forms import FormField, add_field, button_row, message_label, push_button, show_errors
from dutydesk.ui.grid.paper_buttons import print_contact_cards, print_field_sheet
from dutydesk.ui.grid.widgets import cadre_box, fill, short, table
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.page_loader import PageLoader
from dutydesk.ui.panes import pane, side_by_side
from dutydesk.ui.visits.resident_lookup_box import ResidentLookupBox

LEDGER_DAYS = 366


class FormDialog(QDialog):
    """A small form; ``save()`` returns errors (field -> message) or {} when written."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.fields: dict[str, FormField] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(button_row(push_button("取消", self.reject), push_button("保存", self._save, primary=True)))

    def add(self, key: str, label: str, editor: QWidget, hint: str = "") -> QWidget:
        self.fields[key] = add_field(self.form, FormField(label, editor, hint))
        return editor

    def write(self) -> None:
        raise NotImplementedError

    def _save(self) -> None:
        try:
            self.write()
        except FieldErrors as exc:
            shown = {k: v for k, v in exc.errors.items() if k in self.fields}
            if not shown:
                shown = {next(iter(self.fields)): str(exc)}
            show_errors(self.fields, shown)
            return
        self.accept()


class AreaDialog(FormDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__("新建片区", parent)
        self.desk = desk
        self.name = self.add("name", "片区名称", QLineEdit())
        self.owner = self.add("owner", "责任人", cadre_box(desk.today(), "责任人"))
        self.partner = self.add("partner", "交叉负责人", cadre_box(desk.today(), "交叉负责人", blank="（无）"))
        self.scope = self.add("scope", "范围", QLineEdit(), "如：三组、四组")

    def write(self) -> None:
        areas.create_area(areas.AreaDraft(self.name.text(), self.owner.currentData(), self.partner.currentData(),
                                          self.scope.text()), self.desk.who, self.desk.now())


class HouseholdDialog(FormDialog):
    """新建户, or 修改户信息 when given a household (a changed area, address or tag is audited)."""

    def __init__(self, desk: Desk, area_id: int | None, parent: QWidget | None = None,
                 household: households.Household | None = None) -> None:
        super().__init__("修改户信息" if household else "新建户", parent)
        self.desk, self.household = desk, household
        self.head = household.head if household else None
        self.lookup = ResidentLookupBox()
        self.add("head", "户主", self.lookup.edit, "输入姓名、电话或拼音首字母，回车选中")
        self.fields["head"].layout().insertWidget(1, self.lookup.results)
        self.lookup.picked.connect(self._take)
        self.area = QComboBox()
        self.area.addItem("未划片区", None)
        for a in areas.areas():
            self.area.addItem(a.name, a.id)
        self.add("area", "所属片区", self.area)
        self.area.setCurrentIndex(max(0, self.area.findData(household.area_id if household else area_id)))
        self.group = self.add("village_group", "村民小组", QLineEdit())
        self.address = self.add("address", "住址", QLineEdit())
        self.tags = self.add("tags", "重点人员标签", QLineEdit(), "用顿号分隔，如：低保户、残疾人")
        if household is not None:
            self.lookup.edit.blockSignals(True)  # the head is shown, not searched for
            self.lookup.edit.setText(household.head.name)
            self.lookup.edit.blockSignals(False)
            self.group.setText(household.village_group)
            self.address.setText(household.address)
            self.tags.setText("、".join(household.tag_list))

    def _take(self, match) -> None:
        self.head = match.resident
        self.lookup.edit.blockSignals(True)
        self.lookup.edit.setText(self.head.name)
        self.lookup.edit.blockSignals(False)
        self.group.setText(self.group.text() or self.head.village_group)
        self.address.setText(self.address.text() or self.head.address)

    def write(self) -> None:
        draft = households.HouseholdDraft(self.head.id if self.head else None, self.area.currentData(),
                                          self.group.text(), self.address.text(), [self.tags.text()])
        if self.household is None:
            households.create_household(draft, self.desk.who, self.desk.now())
        else:
            draft.code = self.household.code
            households.change_household(self.household, draft, self.desk.who, self.desk.now(), "修改户信息")


class MemberDialog(HouseholdDialog):
    def __init__(self, desk: Desk, household: households.Household, parent: QWidget | None = None) -> None:
        FormDialog.__init__(self, "添加家庭成员", parent)
        self.desk, self.household, self.head = desk, household, None
        self.lookup = ResidentLookupBox()
        self.add("resident", "成员", self.lookup.edit, "输入姓名、电话或拼音首字母，回车选中")
        self.fields["resident"].layout().insertWidget(1, self.lookup.results)
        self.lookup.picked.connect(self._take_member)
        self.relation = QComboBox()
        self.relation.addItems(households.RELATIONS[1:])
        self.add("relation", "与户主关系", self.relation)

    def _take_member(self, match) -> None:
        self.head = match.resident
        self.lookup.edit.blockSignals(True)
        self.lookup.edit.setText(self.head.name)
        self.lookup.edit.blockSignals(False)

    def write(self) -> None:
        if self.head is None:
            raise households.HouseholdInvalid({"resident": "请选择成员"})
        households.add_member(self.household, self.head.id, self.relation.currentText(), self.desk.who,
                              self.desk.now())


class PairingDialog(FormDialog):
    def __init__(self, desk: Desk, household: households.Household, parent: QWidget | None = None) -> None:
        super().__init__(f"结对：{household.head.name}户", parent)
        self.desk, self.household = desk, household
        self.staff = self.add("staff", "干部", cadre_box(desk.today(), "结对干部"))
        self.kind = QComboBox()
        self.kind.addItems(PAIRING_KINDS)
        self.add("kind", "结对方式", self.kind)
        self.add("household", "户", QLabel(households.Household.get_by_id(household.id).label))

    def write(self) -> None:
        pair(Staff.get_by_id(self.staff.currentData()), self.household, self.kind.currentText(), self.desk.today(),
             self.desk.who, self.desk.now())


class EndPairingDialog(FormDialog):
    """G04: a pairing ends on a day with a reason (the household is out of difficulty, the cadre left)."""

    def __init__(self, desk: Desk, household: households.Household, parent: QWidget | None = None) -> None:
        super().__init__(f"结束结对：{household.head.name}户", parent)
        self.desk = desk
        self.pairings = pairings_of_household(household, desk.today())
        self.which = QComboBox()
        for p in self.pairings:
            self.which.addItem(f"{p.staff.name}（{p.kind}，{p.since:%Y-%m-%d}起）", p.id)
        self.add("pairing", "结对", self.which)
        self.reason = self.add("reason", "结束原因", QLineEdit())

    def write(self) -> None:
        if not self.pairings:
            raise households.HouseholdInvalid({"pairing": "该户没有结对干部"})
        if not self.reason.text().strip():
            raise households.HouseholdInvalid({"reason": "请填写结束原因"})
        pairing = self.pairings[self.which.currentIndex()]
        end_pairing(pairing, self.desk.today(), self.desk.who, self.desk.now(), self.reason.text().strip())


class AreasPage(QWidget):
    saved = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.shown_areas: list[areas.Area | None] = []
        self.shown_households: list[households.Household] = []
        self.shown_members: list[households.HouseholdMember] = []
        self.loader = PageLoader(self)  # an area's households and year of visits
        self.list_loader = PageLoader(self)  # the areas, their counts and who answers now
        self.household_loader = PageLoader(self)  # a household's members, visits and pairings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Issue 17: the lists first, the household's parts and buttons in the next turn, then the
        # first reading (``lazy_tabs.StagedBuild``).
        self.steps = StagedBuild(self._build_lists, self._build_household_parts, self._finish)
        self.steps.start(self, first_now=True)

    def _build_lists(self) -> None:
        self.areas = table("片区", ["片区", "责任人", "交叉负责人", "当前负责", "户数"])
        self.households = table("住户档案", ["户编码", "户主", "村民小组", "住址", "重点人员"])
        self.message = message_label("片区操作结果")
        self.files = pane((self.households, 2))  # the household's parts come in the next step
        self.right = QTabWidget()
        self.right.addTab(self.files, "住户档案")
        self.left = pane((self.areas, 1))
        self.layout().addWidget(side_by_side(self.left, self.right, (480, 640)))

    def _build_household_parts(self) -> None:
        self.ledger = table("片区工作台账", ["日期", "户", "类型", "走访干部", "走访情况"])
        self.right.addTab(self.ledger, "工作台账")
        self.members = table("家庭成员", ["姓名", "与户主关系", "联系电话", "身份证号"])
        self.visits_of = message_label("该户最近走访")
        household_buttons = [push_button("新建户", self.new_household),
                             push_button("修改户信息", self.edit_household),
                             push_button("添加成员", self.add_member), push_button("移出成员", self.remove_member),
                             push_button("结对帮扶", self.pair), push_button("结束结对", self.end_pairing)]
        for button in household_buttons:
            button.setProperty("compact", True)  # six in a row: they fit the column at 字号 特大
        column = self.files.layout()
        for part in (QLabel("家庭成员"), self.members, self.visits_of):
            column.addWidget(part, 1 if part is self.members else 0)
        column.addLayout(button_row(*household_buttons, at_left=True))
        column = self.left.layout()
        column.addLayout(button_row(push_button("新建片区", self.new_area),
                                    push_button("导入花名册…", self.import_roster), at_left=True))
        column.addLayout(button_row(push_button("打印入户走访记录表", lambda: print_field_sheet(self)),
                                    push_button("打印便民联系卡", lambda: print_contact_cards(self)), at_left=True))
        column.addWidget(self.message)

    def _finish(self) -> None:
        self.areas.itemSelectionChanged.connect(self.show_area)
        self.households.itemSelectionChanged.connect(self.show_household)
        self.refresh()

    def refresh(self) -> None:
        now = self.desk.now()
        # The areas and who answers for each now (G01): read off the GUI thread once the app runs.
        self.list_loader.load(lambda: _read_areas(now), self._show_areas)

    def _show_areas(self, found: tuple[list[areas.Area | None], list[tuple[str, ...]]]) -> None:
        self.shown_areas, rows = found
        fill(self.areas, rows)
        if self.areas.currentRow() < 0 and rows:
            self.areas.selectRow(0)  # shows the area (itemSelectionChanged): not read twice
        else:
            self.show_area()

    def current_area(self) -> areas.Area | None:
        row = self.areas.currentRow()
        return self.shown_areas[row] if 0 <= row < len(self.shown_areas) else None

    def show_area(self) -> None:
        area, today, account = self.current_area(), self.desk.today(), self.desk.account
        # A year of an area's visits: read off the GUI thread once the app runs (``ui.page_loader``).
        self.loader.load(lambda: _read_area(area, today, account), self._show_area)

    def _show_area(self, found: tuple[list[households.Household], list[tuple], list[tuple]]) -> None:
        self.shown_households, household_rows, ledger_rows = found
        fill(self.households, household_rows)
        fill(self.ledger, ledger_rows)
        self.show_household()

    def current_household(self) -> households.Household | None:
        row = self.households.currentRow()
        return self.shown_households[row] if 0 <= row < len(self.shown_households) else None

    def show_household(self) -> None:
        household, today, account = self.current_household(), self.desk.today(), self.desk.account
        self.household_loader.load(lambda: _read_household(household, today, account), self._show_household)

    def _show_household(self, found: tuple[list[households.HouseholdMember], list[tuple[str, ...]], str]) -> None:
        self.shown_members, rows, text = found
        fill(self.members, rows)
        self.visits_of.setText(text)

    def _run(self, dialog: QDialog, done: str) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.message.setText(done)
            self.saved.emit()
            self.refresh()

    def new_area(self) -> None:
        self._run(AreaDialog(self.desk, self), "已新建片区")

    def import_roster(self) -> None:
        """G02: the village's 花名册 into the resident files; new households go to the chosen area."""
        from dutydesk.ui.grid.roster_import_dialog import ask_and_import

        area = self.current_area()
        text, written = ask_and_import(self.desk, self, area.id if area else None)
        if text:
            self.message.setText(text)
        if written:
            self.saved.emit()
            self.refresh()

    def new_household(self) -> None:
        area = self.current_area()
        self._run(HouseholdDialog(self.desk, area.id if area else None, self), "已新建户")

    def edit_household(self) -> None:
        household = self.current_household()
        if household is None:
            self.message.setText("请先在住户档案中选中一户")
            return
        self._run(HouseholdDialog(self.desk, household.area_id, self, household), "已修改户信息")

    def add_member(self) -> None:
        household = self.current_household()
        if household is None:
            self.message.setText("请先在住户档案中选中一户")
            return
        self._run(MemberDialog(self.desk, household, self), "已添加家庭成员")

    def remove_member(self) -> None:
        """Someone moved out or died: voided with the reason, kept in the books (A03)."""
        from dutydesk.ui.grid.diary_page import ask_reason

        row = self.members.currentRow()
        if not (0 <= row < len(self.shown_members)):
            self.message.setText("请先在家庭成员中选中一人")
            return
        member = self.shown_members[row]
        if ask_reason(self, f"移出成员：{member.resident.name}", lambda reason: households.remove_member(
                member, self.desk.who, self.desk.now(), reason)):
            self.message.setText(f"已移出：{member.resident.name}")
            self.saved.emit()
            self.show_household()

    def pair(self) -> None:
        household = self.current_household()
        if household is None:
            self.message.setText("请先在住户档案中选中一户")
            return
        self._run(PairingDialog(self.desk, household, self), "已登记结对")

    def end_pairing(self) -> None:
        household = self.current_household()
        if household is None:
            self.message.setText("请先在住户档案中选中一户")
            return
        self._run(EndPairingDialog(self.desk, household, self), "已结束结对")


def _read_area(area: areas.Area | None, today: dt.date, account) -> tuple[list[households.Household], list[tuple],
                                                                          list[tuple]]:
    """An area's households (or those in none) and its work ledger of the last year (G02), as texts."""
    shown = households.households(area) if area else households.households_without_area()
    rows = [(h.code, h.head.name, h.village_group, h.address, "、".join(h.tag_list)) for h in shown]
    visits = area_ledger(today - dt.timedelta(days=LEDGER_DAYS), today, area.id) if area else []
    masked = text_masker(account)
    ledger = [(day.isoformat(), f"{head}户", kind, cadres, short(masked(found), 40))
              for day, head, kind, cadres, found in visits]
    return shown, rows, ledger


def _read_areas(now: dt.datetime) -> tuple[list[areas.Area | None], list[tuple[str, ...]]]:
    """The areas (and 未划片区 last) with their household counts and who answers now (G01)."""
    counts = households.household_counts()
    shown: list[areas.Area | None] = [*areas.areas(), None]
    rows = [(a.name, a.owner.name, a.partner.name if a.partner_id else "", areas.responsible_label(a, now),
             str(counts.get(a.id, 0))) for a in shown if a is not None]
    rows.append(("未划片区", "", "", "", str(counts.get(None, 0))))
    return shown, rows


def _read_household(household: households.Household | None, today: dt.date, account) -> tuple[
        list[households.HouseholdMember], list[tuple[str, ...]], str]:
    """A household's members (numbers masked for ``account``, V09), last visits and pairings (G02, G04)."""
    if household is None:
        return [], [], ""
    shown = households.members(household)
    rows = []
    for m in shown:
        phones = m.resident.phones()
        rows.append((m.resident.name, m.relation, mask_for(account, "phone", phones[0]) if phones else "",
                     mask_for(account, "id_number", m.resident.id_number or "")))
    recent = visits_of_household(household, 3)
    text = ("最近走访：" + "；".join(f"{v.day:%Y-%m-%d} {v.cadre_names} {v.kind}" for v in recent)
            if recent else "从未走访")
    paired = pairings_of_household(household, today)
    if paired:
        text += "\n结对：" + "；".join(f"{p.staff.name}（{p.kind}，{p.since:%Y-%m-%d}起）" for p in paired)
    return shown, rows, text
