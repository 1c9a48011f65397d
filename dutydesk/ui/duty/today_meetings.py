"""Today's meetings and study sessions on the 今日 page (D17): one line in the handover column,
so whoever is on duty sees that a session is on and how many have signed in; attendance itself is
taken on the 会议学习 page. Hidden on a day without sessions, so the page keeps its room."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from dutydesk.desk import Desk
from dutydesk.store.duty.meetings import MeetingSession, session_summary, sessions_between
from dutydesk.store.privacy import mask_numbers

TOPIC_CHARS = 12  # a long topic is cut on the line; the tooltip has it whole


def _session_text(session: MeetingSession, summary: str, short: bool) -> str:
    topic = mask_numbers(session.topic)
    if short and len(topic) > TOPIC_CHARS:
        topic = topic[:TOPIC_CHARS - 1] + "…"
    return f"{session.start_time} {session.kind}" + (f"：{topic}" if topic else "") + f"（{summary}）"


class TodayMeetingsLine(QLabel):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setAccessibleName("今日会议学习")
        self.setWordWrap(True)
        self.refresh()

    def refresh(self) -> None:
        now = self.desk.now()
        sessions = sessions_between(now.date(), now.date())
        self.setVisible(bool(sessions))
        pairs = [(s, session_summary(s, now)) for s in sessions]
        self.setText("今日会议学习：" + "；".join(_session_text(s, n, True) for s, n in pairs))
        whole = "\n".join(_session_text(s, n, False) for s, n in pairs)
        self.setToolTip(f"{whole}\n在“会议学习”页签到、填写会议记录" if pairs else "")
