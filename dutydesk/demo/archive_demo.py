"""Demo step of the archive: name the principal leader and index every record the other steps
inserted in bulk.

Bulk demo inserts bypass the audit trail (and so its search-index hook); this step, kept last in
``STEPS``, builds the search documents set-based so 档案查询 finds the demo records. The party
secretary is the demo's principal leader (主要领导, A02), so permanent and long-term files can be
opened in the demo.
"""

from __future__ import annotations

import datetime as dt

from dutydesk.demo.generate import DemoPlan
from dutydesk.store.accounts.account import Account, principal_leaders, set_principal
from dutydesk.store.search_rebuild import reindex_all


def index_step(plan: DemoPlan) -> None:
    secretary = Account.get_or_none(Account.name == "王书记")
    if secretary is not None and not principal_leaders():
        set_principal(secretary, True, "演示", dt.datetime.combine(plan.start, dt.time(8, 0)))
    reindex_all(progress=lambda done: plan.progress(f"建立检索索引 {done}"))
