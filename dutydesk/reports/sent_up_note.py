"""上级审批告知单: the short note a person takes home when their matter is sent up (V04).

It says the day the matter went up, to which level, the usual time the higher level takes and
the day an answer is usually back, and that the wait does not count against the center's
promise. Laid out like the other desk papers (``notice_docs``), with the center's phones (D15).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from dutydesk.domain.center import CenterProfile
from dutydesk.reports.notice_docs import _document, _grid, _header, _p, _signatures, _Styles, cn_date
from dutydesk.store.atomic import atomic_path


@dataclass(frozen=True)
class SentUpNote:
    center: CenterProfile
    ref: str  # the visit number the person quotes
    person_name: str
    request: str
    sent_on: dt.date
    level: str  # 镇 / 县 … with the unit when known
    usual_days: int
    expected: dt.date
    told_text: str  # what the person was told (``domain.higher_approval.told_text``)
    handler: str
    day: dt.date


def render_sent_up_note(note: SentUpNote, path: Path, size: str = "A5") -> Path:
    with atomic_path(path) as tmp:
        pdf, scale = _document(tmp, size, note.center, "由值班台打印", "上级审批告知单")
        st = _Styles(scale)
        w = pdf.width
        story: list[Flowable] = _header(note.center, "上级审批告知单", f"登记编号：{note.ref}", st)
        story.append(_grid([
            [_p("群众姓名", st.label), _p(note.person_name, st.body)],
            [_p("办理事项", st.label), _p(note.request, st.body)],
            [_p("上报日期", st.label), _p(cn_date(note.sent_on), st.body)],
            [_p("报送单位", st.label), _p(note.level, st.body)],
            [_p("通常审批时间", st.label),
             _p(f"{note.usual_days}个工作日（预计{cn_date(note.expected)}前后）", st.body)],
        ], [0.25 * w, 0.75 * w]))
        story.append(Spacer(1, 6))
        story.append(_p(note.told_text, st.body))
        story.append(_p("上级审批结果出来后，我们会及时通知您。查询进度请拨打服务电话并提供登记编号。", st.small))
        story.append(Spacer(1, 10))
        story.append(_signatures("经办人（签字）：" + note.handler, "群众（签字）：", note.day, st, w,
                                 note.center.name))
        pdf.build(story)
    return path


def print_sent_up_note(row, center: CenterProfile, calendar, data_dir: Path, size: str = "A5") -> Path:
    """Write the note of a ``store.visits.sent_up.SentUp`` row where printed papers are kept."""
    from dutydesk.store.visits.sent_up import note_fields

    fields = note_fields(row, calendar)
    target = data_dir / "printed" / f"{row.sent_on:%Y}" / f"{fields['ref']}-上级审批告知单{row.id}-{size}.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    return render_sent_up_note(SentUpNote(center, **fields), target, size)
