"""F1 opens the user guide on the current tab's page; the shortcut list is in it; 打印 prints what is shown."""

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from dutydesk.ui.help.guide_window import GuideWindow
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.tabs import TABS
from tests.ui.helpers import activate, by_name, when_modal


def make_window(qtbot, desk):
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def press_f1(qtbot, window) -> GuideWindow:
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.findChild(GuideWindow)
    assert guide is not None and guide.isVisible()
    return guide


def shown_text(guide: GuideWindow) -> str:
    return by_name(guide, "使用说明内容").toPlainText()


def test_f1_opens_the_page_of_the_current_tab(qtbot, app, desk):
    window = make_window(qtbot, desk)
    for index in (1, 3, 0):
        window.tabs.setCurrentIndex(index)
        guide = press_f1(qtbot, window)
        title = TABS[index].title
        assert shown_text(guide).startswith(title)
        assert by_name(guide, "目录").currentItem().text() == title
    assert len(window.findChildren(GuideWindow)) == 1, "F1 again brings the same window forward"


def test_guide_shows_its_screenshots(qtbot, app, desk):
    window = make_window(qtbot, desk)
    guide = press_f1(qtbot, window)  # 今日值班
    document = by_name(guide, "使用说明内容").document()
    images = [fmt.toImageFormat().name() for block in _blocks(document) for fmt in _formats(block)
              if fmt.isImageFormat()]
    assert any(name.endswith("duty_today.png") for name in images)
    browser = by_name(guide, "使用说明内容")
    picture = browser.loadResource(2, browser.source().resolved(images[0]))  # QTextDocument.ImageResource
    assert picture is not None and not picture.isNull(), "the picture loads"


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _formats(block):
    iterator = block.begin()
    while not iterator.atEnd():
        yield iterator.fragment().charFormat()
        iterator += 1


def test_contents_list_and_links_change_the_page(qtbot, app, desk):
    window = make_window(qtbot, desk)
    guide = press_f1(qtbot, window)
    contents = by_name(guide, "目录")
    titles = [contents.item(i).text() for i in range(contents.count())]
    assert titles == ["开始使用", *(spec.title for spec in TABS)], "pages in the order of the tabs"
    contents.setCurrentRow(0)
    assert shown_text(guide).startswith("开始使用")
    by_name(guide, "使用说明内容").setSource(guide.pages[0].path.parent.joinpath("archive.html").as_uri())
    assert contents.currentItem().text() == "档案查询"


def test_shortcut_list_stays_reachable_in_the_guide(qtbot, app, desk):
    window = make_window(qtbot, desk)
    guide = press_f1(qtbot, window)
    tabs = by_name(guide, "帮助页面")
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["使用说明", "快捷键一览"]
    table = by_name(guide, "快捷键一览")
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["F1"] == "使用说明"
    assert rows["Ctrl+1"] == "转到“今日值班”"
    assert rows["F2"] == "新登记来访"
    menu_texts = [a.text() for a in window.menus["帮助"].actions()]
    assert "快捷键一览" in menu_texts, "the plain list stays in the 帮助 menu"


def test_print_writes_the_page_shown(qtbot, app, desk, tmp_path):
    window = make_window(qtbot, desk)
    window.tabs.setCurrentIndex(1)
    guide = press_f1(qtbot, window)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "guide.pdf"))
    guide.print_to(printer)
    reader = PdfReader(tmp_path / "guide.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "来访登记" in text and "待跟进" in text
    assert sum(len(page.images) for page in reader.pages) >= 1, "the screenshots are printed too"


def test_print_of_the_shortcut_tab_prints_the_list(qtbot, app, desk, tmp_path):
    window = make_window(qtbot, desk)
    guide = press_f1(qtbot, window)
    by_name(guide, "帮助页面").setCurrentIndex(1)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "keys.pdf"))
    guide.print_to(printer)
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "keys.pdf").pages)
    assert "快捷键一览" in text and "新登记来访" in text


def test_print_button_opens_a_preview(qtbot, app, desk):
    window = make_window(qtbot, desk)
    guide = press_f1(qtbot, window)
    seen = when_modal(lambda dialog: dialog.reject(), kind=QPrintPreviewDialog)
    qtbot.mouseClick(by_name(guide, "打印…"), Qt.MouseButton.LeftButton)
    assert seen and seen[0].windowTitle() == "打印预览 — 今日值班"
