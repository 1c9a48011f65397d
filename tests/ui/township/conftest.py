"""The township window's tests build their windows at once; ``launch_township`` turns on reading in
the background (``ui.lazy_tabs.build_on_demand``, as the desk's launch does): let every read end and
turn it off again after each test, so the next test's pages read at once."""

from __future__ import annotations

import pytest

from dutydesk.ui.lazy_tabs import build_on_demand
from dutydesk.ui.page_loader import wait_for_loads


@pytest.fixture(autouse=True)
def _pages_read_at_once_again():
    yield
    wait_for_loads()
    build_on_demand(False)
