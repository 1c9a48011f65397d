"""档案查询: one search box across every record type, filters, highlighted results (loaded page by
page), and opening a record read-only after the lookup is approved and registered (A01, A02).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.highlight import highlight, snippet
from dutydesk.domain.retention import RETENTION_LABELS
from dutydesk.store.archive.lookup_register import SESSION_MINUTES, Approval, ApprovalRefused, needed_for, record_lookup
from dutydesk.store.archive.retention import RetentionCache
from dutydesk.store.privacy import mask_numbers
from dutydesk.store.search_index import (
    Hit,
    QueryError,
    SearchFilter,
    clean_query,
    kinds,
    search,
    staff_names,
    terms,
    years,
)
from dutydesk.store.settings import get_setting
from dutydesk.ui.archive.record import ApprovalDialog, RecordDialog
from dutydesk.ui.events import DeskEvents
from dutydesk.ui.forms import FormField, push_button
from dutydesk.ui.lazy_table import LazyTableModel

HEADERS = ("类型", "保管期限", "日期", "标题", "内容摘要", "经办人")
RICH_COLUMNS = (3, 4)  # 标题 and 内容摘要 carry the highlighted words; the others are plain text
ALL = "全部"
NO_LIMIT = QDate(2000, 1, 1)


def _plain(hits: list[Hit]) -> list[tuple]:
    """Results as the list keeps them: plain tuples of plain values (issue 17). Scrolled to the
    end of 低保 on 1M-visit books, 96,576 results as objects were walked by every full garbage
    collection (100 ms and more each, the window frozen); a plain tuple of strings, numbers and
    dates is left out of the collector. ``Hit(*row)`` gives the result back."""
    return [tuple(vars(hit).values()) for hit in hits]


class HtmlDelegate(QStyledItemDelegate):
    """Paints a cell's text as rich text, so the words found stand out.

    Laying out a rich-text document costs about a millisecond; a screen of results is a hundred
    cells, repainted on every scroll step (issue 17). Each cell's document is laid out once and
    kept (the last few thousand)."""

    KEPT = 4000

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._docs: dict[tuple[str, bool, str], QTextDocument] = {}

    def _document(self, text: str, selected: bool, font) -> QTextDocument:
        key = (text, selected, font.key())
        doc = self._docs.get(key)
        if doc is None:
            if len(self._docs) >= self.KEPT:
                self._docs.clear()
            doc = self._docs[key] = QTextDocument()
            doc.setDefaultFont(font)
            doc.setHtml(f'<span style="color:#FFFFFF">{text}</span>' if selected else text)
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        doc = self._document(opt.text, selected, opt.font)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setHtml(opt.text)
        return QSize(int(doc.idealWidth()) + 8, int(doc.size().height()))


class ArchiveTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.approval: Approval | None = None
        self.words: list[str] = []
        self.current_query = ""
        self.retention = RetentionCache()
        self._forget_cells()
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText("姓名、内容、电话或身份证号码、单号、姓名拼音首字母（至少两个字，多个词用空格分开）")
        self.query_field = FormField("检索词", self.query_edit)
        self.query_edit.returnPressed.connect(self.run_search)
        top.addWidget(QLabel("检索词："))
        top.addWidget(self.query_field, 1)
        self.search_button = push_button("检索", self.run_search, primary=True)
        top.addWidget(self.search_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName("记录类型")
        self.year_box = QComboBox()
        self.year_box.setAccessibleName("年份")
        self.staff_box = QComboBox()
        self.staff_box.setAccessibleName("经办人")
        self.start = self._date_edit("开始日期")
        self.end = self._date_edit("结束日期")
        self.voided_box = QCheckBox("含已作废")
        self.voided_box.setAccessibleName("含已作废")
        self.voided_box.setChecked(False)  # voided records only when asked for: they mislead a first search
        dates = QHBoxLayout()  # two rows, so the window still fits a small screen
        for row, label, widget in ((filters, "记录类型", self.kind_box), (filters, "年份", self.year_box),
                                   (filters, "经办人", self.staff_box), (dates, "开始日期", self.start),
                                   (dates, "结束日期", self.end)):
            row.addWidget(QLabel(label + "："))
            row.addWidget(widget)
        filters.addWidget(self.voided_box)
        filters.addStretch(1)
        dates.addStretch(1)
        layout.addLayout(filters)
        layout.addLayout(dates)
        self.fill_filters()
        for box in (self.kind_box, self.year_box, self.staff_box):
            box.currentIndexChanged.connect(self.run_search)
        self.voided_box.toggled.connect(self.run_search)

        self.model = LazyTableModel(HEADERS, lambda offset, limit: [], self._cell, self)
        self.view = QTableView()
        self.view.setAccessibleName("检索结果")
        self.view.setModel(self.model)
        # Only the columns with highlighted words are laid out as rich text: the plain ones paint
        # in Qt's own delegate, without a Python call per cell (issue 17: a scroll step repaints a
        # screen of about 140 cells).
        delegate = HtmlDelegate(self.view)
        for column in RICH_COLUMNS:
            self.view.setItemDelegateForColumn(column, delegate)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((90, 84, 100, 260, 520)):
            self.view.setColumnWidth(column, width)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        layout.addWidget(self.view, 1)
        self.view.installEventFilter(self)  # Enter on a result opens it

        bottom = QHBoxLayout()
        self.status = QLabel("输入检索词后按回车。查看记录须登记原因并经主任批准；永久、长期档案须经主要领导批准。")
        self.status.setAccessibleName("检索状态")
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(120)
        bottom.addWidget(self.status, 1)
        self.open_button = push_button("查看记录", self.open_selected)
        self.register_button = push_button("查阅登记簿", self.show_register)
        self.filing_button = push_button("年度归档", self.show_filing)
        for button in (self.open_button, self.register_button, self.filing_button):
            bottom.addWidget(button)
        layout.addLayout(bottom)
        self.refresh_role()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    # -- filters ----------------------------------------------------------------------------
    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_LIMIT)
        edit.setSpecialValueText("不限")
        edit.setDate(NO_LIMIT)
        return edit

    def fill_filters(self) -> None:
        for box, items in ((self.kind_box, list(kinds().items())),
                           (self.year_box, [(str(y), str(y)) for y in years()]),
                           (self.staff_box, [(s, s) for s in staff_names()])):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(ALL, "")
            for code, label in items:
                box.addItem(label, code)
            index = box.findData(current)
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)

    def current_filter(self) -> SearchFilter:
        start = self.start.date().toPython() if self.start.date() != NO_LIMIT else None
        end = self.end.date().toPython() if self.end.date() != NO_LIMIT else None
        year = self.year_box.currentData()
        if year:
            import datetime as dt

            y = int(year)
            start = max(start or dt.date(y, 1, 1), dt.date(y, 1, 1))
            end = min(end or dt.date(y, 12, 31), dt.date(y, 12, 31))
        kind = self.kind_box.currentData()
        return SearchFilter(kinds=(kind,) if kind else (), start=start, end=end,
                            staff=self.staff_box.currentData() or "",
                            include_voided=self.voided_box.isChecked())

    def _forget_cells(self) -> None:
        self._cells: dict[tuple[int, int], str] = {}  # the account may have changed

    def refresh_role(self) -> None:
        """Directors see the register and filing buttons (the account may change at the idle lock)."""
        director = bool(self.desk.account and self.desk.account.is_director)
        self.register_button.setVisible(director)
        self.filing_button.setVisible(director)

    def set_events(self, events: DeskEvents) -> None:
        events.changed.connect(lambda _kind: self.fill_filters())
        events.account_changed.connect(self._on_account_changed)

    def _on_account_changed(self) -> None:
        """Another person at the desk: their own approval is needed, and their role's buttons."""
        self.approval = None
        self.refresh_role()
        self._forget_cells()
        self.model.reload(lambda offset, limit: [])  # results were masked for the previous account
        self.status.setText("已切换用户，请重新检索。")

    # -- searching --------------------------------------------------------------------------
    def _cell(self, row: tuple, column: int) -> str:
        """Worked out once per result and column: painting asks again on every scroll and hover
        (issue 17: a settings query per painted cell)."""
        key = (id(row), column)
        text = self._cells.get(key)
        if text is None:
            text = self._cells[key] = self._cell_text(Hit(*row), column)
        return text

    def _cell_text(self, hit: Hit, column: int) -> str:
        mask = mask_numbers  # results are masked for every role: opening a record is the logged way to more
        if column == 0:
            return hit.label + ("（已作废）" if hit.voided else "")
        if column == 1:
            return RETENTION_LABELS[self.retention.retention(hit.kind, hit.day)]
        if column == 2:
            return f"{hit.day:%Y-%m-%d}"
        # V09: search results are masked for everyone; numbers are seen in full only in the record
        # opened with an approval and a lookup-register entry (A02), a logged act.
        if column == 3:
            return highlight(mask(hit.title), self.words)
        if column == 4:
            return highlight(snippet(mask(hit.body), self.words), self.words)
        return hit.staff

    def run_search(self) -> None:
        self.refresh_role()
        query = clean_query(self.query_edit.text()).strip()  # a pasted NUL is no error
        try:
            self.words = terms(query)
        except QueryError as exc:
            self.query_field.set_error(str(exc))
            return
        self.query_field.clear_error()
        self.current_query = query
        self.retention = RetentionCache()  # the setting may have changed since the last search
        self._forget_cells()
        flt = self.current_filter()

        def fetch(offset: int, limit: int) -> list[tuple]:
            shown = self.model.rows
            if offset and offset == len(shown):  # the next page: after the last one shown
                return _plain(search(query, flt, 0, limit, before=shown[-1][0]))  # its doc_id
            return _plain(search(query, flt, offset, limit))

        self.model.reload(fetch)
        count = self.model.rowCount()
        more = "（向下滚动加载更多）" if self.model.canFetchMore(QModelIndex()) else ""
        self.status.setText(f"找到 {count} 条{more}" if count else "没有找到符合条件的记录")
        if count:
            self.view.selectRow(0)
            self.view.setFocus()

    # -- opening ----------------------------------------------------------------------------
    def selected_hit(self) -> Hit | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return Hit(*self.model.row_at(rows[0].row()))

    def open_selected(self) -> None:
        hit = self.selected_hit()
        if hit is None:
            self.status.setText("请先在检索结果中选择一条记录")
            return
        minutes = int(get_setting(SESSION_MINUTES, self.desk.today()))
        needed = needed_for(hit)  # A02: director, or the principal leader for permanent/long-term files
        approval = self.approval
        if approval is None or not approval.covers(self.desk.account, self.current_query, self.desk.now(),
                                                   minutes, needed):
            dialog = ApprovalDialog(self.desk, self.current_query, hit, self, needed=needed)
            if dialog.exec() != ApprovalDialog.DialogCode.Accepted or dialog.approval is None:
                return
            approval = self.approval = dialog.approval
        try:
            record_lookup(approval, hit, self.desk.now())
        except ApprovalRefused as exc:
            QMessageBox.warning(self, "未获批准", str(exc))
            return
        RecordDialog(self.desk, hit, self).exec()

    def show_register(self) -> None:
        from dutydesk.ui.archive.lookup_register_dialog import show_lookup_register

        show_lookup_register(self.desk, self)

    def show_filing(self) -> None:
        if not (self.desk.account and self.desk.account.is_director):
            QMessageBox.warning(self, "无权操作", "年度归档须由主任进行。")
            return
        from dutydesk.ui.archive.filing_dialog import FilingDialog

        FilingDialog(self.desk, self).exec()
