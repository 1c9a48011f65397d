from __future__ import annotations

import pytest

from tests.grid_helpers import make_village


@pytest.fixture
def village(desk):
    return make_village(desk)
