"""Write one synthetic visit ledger in a fresh process and print its peak memory (for the benchmark).

A fresh process per size gives each measurement the same baseline, and its peak resident set
size (VmHWM / ``ru_maxrss``) counts every allocation, C libraries included, without slowing the run
down the way ``tracemalloc`` does (4x: a million-row PDF would take hours).

    python -m tests.benchmarks.ledger_memory_probe pdf 50000 /tmp/out.pdf
"""

from __future__ import annotations

import json
import mmap
import re
import resource
import sys
import time
from pathlib import Path

from dutydesk.reports.fonts import register_cjk_font
from dutydesk.reports.ledger import write_ledger
from tests.reports.ledger.synthetic import visit_ledger


def peak_rss_bytes() -> int:
    """VmHWM where there is /proc: Linux carries ``ru_maxrss`` over from the parent across exec,
    so a probe started from a big pytest process would report the parent's peak."""
    status = Path("/proc/self/status")
    if status.exists():
        found = re.search(r"VmHWM:\s*(\d+) kB", status.read_text())
        if found:
            return int(found.group(1)) * 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB


def pdf_pages(path: Path) -> int | None:
    """The page count from the page tree (/Count), without parsing a file of 100,000 pages."""
    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        at = data.rfind(b"/Type /Pages")
        found = re.findall(rb"/Count (\d+)", data[max(0, at - 4_000_000):at]) if at >= 0 else []
    return int(found[0]) if found else None


def main(fmt: str, rows: int, out: Path) -> dict:
    register_cjk_font()
    start = time.process_time()
    write_ledger(visit_ledger(rows), out, fmt)
    result = {"format": fmt, "rows": rows, "peak_rss": peak_rss_bytes(), "cpu": time.process_time() - start,
              "size": out.stat().st_size}
    if fmt == "pdf":
        result["pages"] = pdf_pages(out)
    return result


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]))))
