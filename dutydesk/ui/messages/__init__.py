"""The 留言预约 tab: messages left at the desk (V10), appointments (V14) and outside letters (V13)."""
