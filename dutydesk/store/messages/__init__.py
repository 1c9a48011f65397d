"""The 留言预约 books: messages (V10), appointments (V14) and inquiry letters (V13)."""
