"""档案查询 tab and its dialogs."""
