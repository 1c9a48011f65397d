"""一次性告知 tab and its dialogs."""
