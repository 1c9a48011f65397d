"""The 网格走访 tab: household visits, each cadre's progress, the 民情日记, areas and households."""
