"""Helpers shared by the one-time-notice / proxy tests: a seeded catalogue and a registered visit."""

from __future__ import annotations

import datetime as dt

from dutydesk.demo.notice_demo import with_window_phone
from dutydesk.domain.catalogue import Tick
from dutydesk.store.notices import catalogue
from dutydesk.store.notices.catalogue import CatalogueVersion
from dutydesk.store.notices.proxy_cases import NewCase, ProxyCase, create_case
from dutydesk.store.visits.visit import Visit, VisitDraft, register_visit


def seed(desk) -> None:
    """The default catalogue with the township windows' phones filled in, as a center does before
    printing anything (the template leaves （请填写窗口电话））."""
    for number, item in enumerate(catalogue.default_items(), start=1):
        catalogue.save_item(with_window_phone(item, number), desk.who, desk.now(), note="默认模板")


def version(code: str) -> CatalogueVersion:
    found = catalogue.current_version(code)
    assert found is not None
    return found


def all_ticks(v: CatalogueVersion, pages: int = 2) -> list[Tick]:
    return [Tick(m, True, pages) for m in v.item.materials]


def proxy_visit(desk, name: str = "张秀英", request: str = "办理城乡居民养老保险参保") -> Visit:
    draft = VisitDraft(channel="来访", category="代办", person_name=name, request=request,
                       responder_name="李文书", outcome="代办", contact="13812345678", deadline_kind="review")
    return register_visit(draft, desk.who, desk.now(), desk.calendar())


def new_case(desk, code: str = "SB-01", name: str = "张秀英", visit: Visit | None = None,
             at: dt.datetime | None = None) -> ProxyCase:
    v = version(code)
    return create_case(
        NewCase(v, name, all_ticks(v), agent="李文书", person_phone="13812345678",
                visit_id=visit.id if visit else None),
        desk.who, at or desk.now(), desk.calendar(),
    )
