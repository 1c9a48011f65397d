"""Every dialog of the application, with a factory that builds it on a desk with demo data.

The screen-fit test (tests/ui/test_screen_fit.py) opens each of them on small screens;
``test_every_dialog_class_is_registered`` fails when a QDialog subclass in dutydesk/ui is missing
here, so a new dialog cannot escape the check. Add one line per new dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QLineEdit, QPlainTextEdit, QWidget

from dutydesk.desk import Desk

Factory = Callable[[Desk, QWidget], QDialog]


@dataclass(frozen=True)
class DialogSpec:
    name: str  # module.Class, as the completeness test finds it
    build: Factory


def _prefs(desk: Desk):
    from dutydesk.ui.prefs import UiPrefs

    return UiPrefs(desk.folder.ui_settings_path)


def _a_case(desk: Desk):
    from dutydesk.store.notices.proxy_cases import ProxyCase

    case = ProxyCase.select().order_by(ProxyCase.id).first()
    if case is None:
        from tests.notice_helpers import new_case

        case = new_case(desk)
    return case


def _a_visit_id(desk: Desk) -> int:
    from dutydesk.store.visits.visit import Visit

    visit = Visit.select().order_by(Visit.id.desc()).first()
    if visit is None:
        from tests.notice_helpers import proxy_visit

        visit = proxy_visit(desk)
    return visit.id


def _a_hit(desk: Desk):
    from dutydesk.store.search_index import search

    hits = search(_a_case(desk).person_name)
    assert hits, "demo data has no searchable record"
    return hits[0]


def _a_resident(desk: Desk):
    from dutydesk.store.visits.residents import Resident

    resident = Resident.select().order_by(Resident.id).first()
    assert resident is not None, "demo data has no resident"
    return resident


def _center_profile(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.store.center import load_center
    from dutydesk.ui.first_run import CenterProfileDialog

    return CenterProfileDialog(load_center(), parent=parent)


def _first_run(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.first_run import FirstRunDialog

    return FirstRunDialog(parent)


def _duty_settings(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.duty.settings_dialog import DutySettingsDialog

    return DutySettingsDialog(desk, parent)


def _login(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.login_dialog import LoginDialog

    return LoginDialog(desk, parent=parent)


def _accounts(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.accounts_dialog import AccountsDialog

    return AccountsDialog(desk, parent)


def _backup(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.backup_dialog import BackupDialog

    return BackupDialog(desk, parent)


def _catalogue_diff(desk: Desk, parent: QWidget) -> QDialog:
    from dataclasses import replace

    from dutydesk.domain.catalogue import diff_catalogues
    from dutydesk.store.notices import catalogue
    from dutydesk.ui.notices.catalogue_page import DiffDialog

    items = [v.item for v in catalogue.current_versions(include_retired=True)]
    incoming = [replace(item, notes=item.notes + "（新）") for item in items[1:]]
    return DiffDialog(diff_catalogues(items, incoming), parent)


def _document(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.reports import notice_records
    from dutydesk.store.center import load_center
    from dutydesk.ui.notices.document_dialog import DocumentDialog

    case, center = _a_case(desk), load_center()
    return DocumentDialog(f"代办单 {case.slip_no}",
                          lambda size: notice_records.print_slip(case, center, desk.folder.path, size),
                          _prefs(desk), parent)


def _proxy_step(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.domain.proxy_case import StepKind
    from dutydesk.ui.notices.proxy_case_page import StepDialog

    return StepDialog(desk, _a_case(desk), StepKind.APPROVE, parent)


def _handoff(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.ledger_export import HandoffDialog

    return HandoffDialog(desk, _prefs(desk), parent, drives=[])


def _filing(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.archive.filing_dialog import FilingDialog

    return FilingDialog(desk, parent)


def _approval(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.archive.record import ApprovalDialog

    hit = _a_hit(desk)
    return ApprovalDialog(desk, hit.title[:4], hit, parent, needed="principal")


def _record(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.archive.record import RecordDialog

    return RecordDialog(desk, _a_hit(desk), parent)


def _audit(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.archive.audit_viewer import AuditViewer

    return AuditViewer(desk, parent)


def _unmasked(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.archive.unmasked_export_dialog import UnmaskedExportDialog

    return UnmaskedExportDialog(desk, "来访登记簿", parent)


def _retention(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.archive.retention_dialog import RetentionDialog

    return RetentionDialog(desk, parent)


def _lookup_register(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.archive.lookup_register_dialog import LookupRegisterDialog

    return LookupRegisterDialog(desk, parent)


def _record_form(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.messages.letters_page import letter_dialog

    return letter_dialog(desk, parent)


def _visit_summary(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.visits.summary_dialog import VisitSummaryDialog

    return VisitSummaryDialog(desk, parent)


def _calendar(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.visits.calendar_settings import CalendarSettingsDialog

    return CalendarSettingsDialog(desk, parent)


def _resident_edit(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.visits.resident_edit import ResidentEditDialog

    return ResidentEditDialog(desk, _a_resident(desk), parent)


def _resident_merge(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.visits.resident_merge import MergeResidentsDialog

    return MergeResidentsDialog(desk, parent)


def _visit_action(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.forms import date_edit
    from dutydesk.ui.visits.detail import ActionDialog

    # the largest action form (延期 / 更正): a text box and a date, a line and a text box
    fields = [("reason", "延期原因（须告知群众）", QPlainTextEdit()), ("date", "新的办结日期", date_edit(desk.today())),
              ("why", "更正原因", QLineEdit()), ("request", "诉求内容", QPlainTextEdit())]
    return ActionDialog("延期", fields, lambda _fields: None, parent)


def _visit_detail(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.visits.detail import VisitDetailDialog

    return VisitDetailDialog(desk, _a_visit_id(desk), parent)


def _roster_preview(desk: Desk, parent: QWidget) -> QDialog:
    """Qt's own print preview, as the roster page opens it (打印预览)."""
    from dutydesk.reports.roster_board import board_data, write_board_pdf
    from dutydesk.ui.duty.printing import preview_dialog

    today = desk.today()
    monday = today - dt.timedelta(days=today.weekday())
    data = board_data(monday, monday + dt.timedelta(days=13), desk.calendar(), desk.now())
    pdf = write_board_pdf(data, desk.folder.path / "printouts" / "fit_board.pdf")
    return preview_dialog(parent, pdf, pdf.name)


def _a_staff(desk: Desk):
    from dutydesk.store.duty.staff import active_staff

    staff = active_staff(desk.today())
    assert staff, "demo data has no staff"
    return staff[0]


def _proxy_sign_in(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.duty.sign_in_dialogs import ProxySignInDialog

    return ProxySignInDialog(desk, _a_staff(desk), parent)


def _accept_reason(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.store.duty.attendance import assignments_on
    from dutydesk.ui.duty.sign_in_dialogs import AcceptReasonDialog

    signed = [a for a in assignments_on(desk.today()) if a.sign_in is not None]
    assert signed, "demo data has no sign-in today"
    return AcceptReasonDialog(desk, signed[:3], parent)


def _pin(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.duty.sign_in_dialogs import PinDialog

    return PinDialog(desk, _a_staff(desk).name, parent)


def _liability(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.duty.liability_settings import LiabilitySettingsDialog

    return LiabilitySettingsDialog(desk, parent)


def _guide(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.help.guide_window import GuideWindow

    return GuideWindow(lambda: ["F1　使用说明"], parent)


def _licences(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.licences_dialog import LicencesDialog

    return LicencesDialog(parent)


def _roster_import(desk: Desk, parent: QWidget) -> QDialog:
    import tempfile
    from pathlib import Path

    from dutydesk.store.grid.roster_import import read_and_plan
    from dutydesk.ui.grid.roster_import_dialog import RosterImportDialog
    from tests.roster_helpers import write_roster

    with tempfile.TemporaryDirectory() as folder:
        plan = read_and_plan(write_roster(Path(folder) / "花名册.xlsx"), desk.today())
    return RosterImportDialog(desk, plan, "花名册.xlsx", parent=parent)


def _major_matter(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.store.visits.visit import Visit
    from dutydesk.ui.visits.major_matter_dialog import MajorMatterDialog

    return MajorMatterDialog(desk, Visit.get_by_id(_a_visit_id(desk)), parent)


def _meeting_settings(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.duty.meeting_settings import MeetingSettingsDialog

    return MeetingSettingsDialog(desk, parent)


def _void_sign_in(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.store.duty.meetings import MeetingSession
    from dutydesk.store.duty.staff import active_staff
    from dutydesk.ui.duty.void_sign_in_dialog import VoidSignInDialog

    session = MeetingSession.select().order_by(MeetingSession.id).first()
    if session is None:
        from dutydesk.store.duty.meetings import add_session

        session = add_session("集中学习", desk.today(), "14:30", "", desk.who, desk.now())
    return VoidSignInDialog(desk, session, active_staff(desk.today())[0], parent)


def _follow_up(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.notices.follow_up_dialog import FollowUpDialog

    return FollowUpDialog(desk, parent)


def _accountability(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.accountability_dialog import AccountabilityDialog

    return AccountabilityDialog(desk, parent)


def _analysis_meeting(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.analysis_meeting_dialog import AnalysisMeetingDialog

    return AnalysisMeetingDialog(desk, parent)


def _investigation(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.notices.investigation_dialog import InvestigationDialog
    from tests.notice_helpers import new_case

    return InvestigationDialog(desk, new_case(desk, code="NY-02", name="周建房"), parent)


def _agent(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.notices.agent_dialog import AgentDialog

    return AgentDialog(desk, parent)


def _a_household(desk: Desk):
    from dutydesk.store.grid.household import Household

    household = Household.select().order_by(Household.id).first()
    assert household is not None, "demo data has no household"
    return household


def _grid_form(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.grid.areas_page import FormDialog

    return FormDialog("片区", parent)


def _grid_area(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.grid.areas_page import AreaDialog

    return AreaDialog(desk, parent)


def _grid_household(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.grid.areas_page import HouseholdDialog

    household = _a_household(desk)
    return HouseholdDialog(desk, household.area_id, parent, household)


def _grid_member(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.grid.areas_page import MemberDialog

    return MemberDialog(desk, _a_household(desk), parent)


def _grid_pairing(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.grid.areas_page import PairingDialog

    return PairingDialog(desk, _a_household(desk), parent)


def _grid_end_pairing(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.grid.areas_page import EndPairingDialog

    return EndPairingDialog(desk, _a_household(desk), parent)


def _grid_diary_step(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.grid.diary_page import StepDialog

    return StepDialog("上报", "上报情况", True, lambda _text: None, parent)


def _grid_settings(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.grid.settings_dialog import GridSettingsDialog

    return GridSettingsDialog(desk, parent)


def _township_package(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.township_package_dialog import TownshipPackageDialog
    from tests.township.package_helpers import coded_plan

    return TownshipPackageDialog(desk, coded_plan(desk), parent)


def _village_records(desk: Desk, parent: QWidget) -> QDialog:
    from dutydesk.ui.township.village_records_dialog import VillageRecordsDialog
    from tests.township.test_village_records import unmasked_month

    return VillageRecordsDialog(unmasked_month(), parent)


def _bundle_import(desk: Desk, parent: QWidget) -> QDialog:
    from pathlib import Path

    from dutydesk.township.bundle_preview import ALREADY, NEW, REFUSED, BundlePreview
    from dutydesk.ui.township.bundle_import_dialog import BundleImportDialog

    fingerprint = ("首次收到青石村党群服务中心（统计用区划代码 350425100201）的数据包，密钥指纹为 "
                   + " ".join(["ABCD"] * 8))
    previews = [BundlePreview(Path(f"/U盘/{n}/数据包"), NEW, f"第{n}村党群服务中心", f"3504251002{n:02d}", "2026-11",
                              120 + n, questions=[fingerprint] if n % 3 == 0 else []) for n in range(1, 13)]
    previews += [BundlePreview(Path("/U盘/旧/数据包"), ALREADY, "柳溪村党群服务中心", "350425100202", "2026-10", 80),
                 BundlePreview(Path("/U盘/坏/数据包"), REFUSED,
                               message="数据包文件 visit.jsonl 的内容与清单不符，已被改动或损坏，不能导入")]
    return BundleImportDialog(previews, parent)


DIALOGS: list[DialogSpec] = [
    DialogSpec("first_run.CenterProfileDialog", _center_profile),
    DialogSpec("notices.follow_up_dialog.FollowUpDialog", _follow_up),
    DialogSpec("accountability_dialog.AccountabilityDialog", _accountability),
    DialogSpec("analysis_meeting_dialog.AnalysisMeetingDialog", _analysis_meeting),
    DialogSpec("notices.investigation_dialog.InvestigationDialog", _investigation),
    DialogSpec("notices.agent_dialog.AgentDialog", _agent),
    DialogSpec("first_run.FirstRunDialog", _first_run),
    DialogSpec("duty.settings_dialog.DutySettingsDialog", _duty_settings),
    DialogSpec("login_dialog.LoginDialog", _login),
    DialogSpec("accounts_dialog.AccountsDialog", _accounts),
    DialogSpec("backup_dialog.BackupDialog", _backup),
    DialogSpec("notices.catalogue_page.DiffDialog", _catalogue_diff),
    DialogSpec("notices.document_dialog.DocumentDialog", _document),
    DialogSpec("notices.proxy_case_page.StepDialog", _proxy_step),
    DialogSpec("ledger_export.HandoffDialog", _handoff),
    DialogSpec("archive.filing_dialog.FilingDialog", _filing),
    DialogSpec("archive.record.ApprovalDialog", _approval),
    DialogSpec("archive.record.RecordDialog", _record),
    DialogSpec("archive.audit_viewer.AuditViewer", _audit),
    DialogSpec("archive.unmasked_export_dialog.UnmaskedExportDialog", _unmasked),
    DialogSpec("archive.retention_dialog.RetentionDialog", _retention),
    DialogSpec("archive.lookup_register_dialog.LookupRegisterDialog", _lookup_register),
    DialogSpec("messages.form_dialog.RecordFormDialog", _record_form),
    DialogSpec("visits.summary_dialog.VisitSummaryDialog", _visit_summary),
    DialogSpec("visits.calendar_settings.CalendarSettingsDialog", _calendar),
    DialogSpec("visits.resident_edit.ResidentEditDialog", _resident_edit),
    DialogSpec("visits.resident_merge.MergeResidentsDialog", _resident_merge),
    DialogSpec("visits.detail.ActionDialog", _visit_action),
    DialogSpec("visits.detail.VisitDetailDialog", _visit_detail),
    DialogSpec("duty.printing.QPrintPreviewDialog", _roster_preview),
    DialogSpec("duty.sign_in_dialogs.ProxySignInDialog", _proxy_sign_in),
    DialogSpec("duty.sign_in_dialogs.AcceptReasonDialog", _accept_reason),
    DialogSpec("duty.sign_in_dialogs.PinDialog", _pin),
    DialogSpec("duty.liability_settings.LiabilitySettingsDialog", _liability),
    DialogSpec("duty.meeting_settings.MeetingSettingsDialog", _meeting_settings),
    DialogSpec("duty.void_sign_in_dialog.VoidSignInDialog", _void_sign_in),
    DialogSpec("help.guide_window.GuideWindow", _guide),
    DialogSpec("licences_dialog.LicencesDialog", _licences),
    DialogSpec("visits.major_matter_dialog.MajorMatterDialog", _major_matter),
    DialogSpec("grid.areas_page.FormDialog", _grid_form),
    DialogSpec("grid.areas_page.AreaDialog", _grid_area),
    DialogSpec("grid.areas_page.HouseholdDialog", _grid_household),
    DialogSpec("grid.areas_page.MemberDialog", _grid_member),
    DialogSpec("grid.areas_page.PairingDialog", _grid_pairing),
    DialogSpec("grid.areas_page.EndPairingDialog", _grid_end_pairing),
    DialogSpec("grid.diary_page.StepDialog", _grid_diary_step),
    DialogSpec("grid.settings_dialog.GridSettingsDialog", _grid_settings),

    DialogSpec("grid.roster_import_dialog.RosterImportDialog", _roster_import),
    DialogSpec("township_package_dialog.TownshipPackageDialog", _township_package),
    DialogSpec("township.village_records_dialog.VillageRecordsDialog", _village_records),
    DialogSpec("township.bundle_import_dialog.BundleImportDialog", _bundle_import),
]

# Base classes never shown themselves: their subclasses are registered.
ABSTRACT = {"record_list.RecordListDialog", "list_form_dialog.ListFormDialog"}
