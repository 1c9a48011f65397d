"""The pages of the user guide shipped in ``resources/help/``: one per main-window tab, and a start page.

A page says which tab it explains in ``<meta name="tab" content="今日值班">`` (empty for the start
page), so a new tab needs only a new HTML file; a page of the township's application (镇级汇总) also
says ``<meta name="app" content="township">`` and stays out of the desk's guide. Pictures are the
README's screenshots, referenced as ``../screenshots/name.png``; the frozen bundle ships exactly
those (packaging/dutydesk.spec).
No Qt here: tests and the packaging check read the pages without a GUI.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from dutydesk.resources_path import resource_path

START_PAGE = "index.html"


@dataclass(frozen=True)
class GuidePage:
    path: Path
    title: str
    tab: str  # the main-window tab the page explains; "" for the start page
    app: str = "desk"  # the application whose guide shows the page: "desk" or "township"

    @property
    def name(self) -> str:
        return self.path.name


class _PageReader(HTMLParser):
    """Collects a page's title, tab, pictures and the text a reader sees (alt texts included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.tab = ""
        self.app = "desk"
        self.images: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and values.get("name") == "tab":
            self.tab = values.get("content", "").strip()
        elif tag == "meta" and values.get("name") == "app":
            self.app = values.get("content", "").strip() or "desk"
        elif tag == "img":
            self.images.append(values.get("src", ""))
            self.text.append(values.get("alt", ""))
        elif tag == "a" and values.get("href"):
            self.links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data.strip()
        self.text.append(data)


def help_dir() -> Path:
    return resource_path("help")


def _read(path: Path) -> _PageReader:
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def guide_pages(folder: Path | None = None, tab_order: Sequence[str] = (), app: str | None = None) -> list[GuidePage]:
    """Every page (of ``app`` only, when given): the start page first, then the tabs' pages in
    ``tab_order``, then the rest by name."""
    folder = folder or help_dir()
    pages = []
    for path in sorted(folder.glob("*.html")):
        reader = _read(path)
        if app is None or reader.app == app:
            pages.append(GuidePage(path, reader.title or path.stem, reader.tab, reader.app))
    order = list(tab_order)

    def rank(page: GuidePage) -> tuple[int, int, str]:
        if page.name == START_PAGE:
            return (0, 0, "")
        return (1, order.index(page.tab), "") if page.tab in order else (2, 0, page.name)

    return sorted(pages, key=rank)


def page_for_tab(tab_title: str, folder: Path | None = None) -> GuidePage:
    """The page explaining ``tab_title``; the start page when no page names that tab."""
    pages = guide_pages(folder)
    for page in pages:
        if page.tab and page.tab == tab_title:
            return page
    return pages[0]


def page_images(page: GuidePage) -> list[Path]:
    """The pictures a page shows, as files (they may not exist: the tests check they do)."""
    return [(page.path.parent / src).resolve() for src in _read(page.path).images]


def page_links(page: GuidePage) -> list[str]:
    return _read(page.path).links


def visible_text(page: GuidePage) -> str:
    """What a reader sees of the page: its text and the pictures' descriptions, without markup."""
    return re.sub(r"\s+", " ", " ".join(_read(page.path).text)).strip()
