"""来访登记 tab and its dialogs."""
