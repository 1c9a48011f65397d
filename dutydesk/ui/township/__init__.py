"""The township's screens (issue 16): 报送情况 and 汇总, built on a ``months_loader``."""
