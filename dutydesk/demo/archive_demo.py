"""Demo step of the archive: index every record the other steps inserted in bulk.

Bulk demo inserts bypass the audit trail (and so its search-index hook); this step, kept last in
``STEPS``, builds the search documents in batches so 档案查询 finds the demo records.
"""

from __future__ import annotations

from dutydesk.demo.generate import DemoPlan
from dutydesk.store.search_index import reindex_all


def index_step(plan: DemoPlan) -> None:
    reindex_all(progress=lambda done: plan.progress(f"建立检索索引 {done}"))
