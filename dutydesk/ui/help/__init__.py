"""The 帮助 menu: the user guide (F1), the shortcut list, and opening the data and log folders."""
