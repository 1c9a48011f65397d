"""P02: 代办 is said once, as the request's category; the outcome follows from it."""

from dutydesk.domain import visit_rules as rules


def test_p02_a_proxy_category_is_handled_by_proxy():
    assert rules.derived_outcome("代办", rules.DONE_NOW) == rules.PROXY
    assert rules.derived_outcome("代办", "") == rules.PROXY


def test_p02_other_categories_keep_the_outcome_chosen():
    assert rules.derived_outcome("求助", rules.TRANSFER) == rules.TRANSFER
    assert rules.derived_outcome("政策咨询", rules.PROXY) == rules.PROXY
