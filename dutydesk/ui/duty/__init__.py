"""The 今日值班 tab: today's duty, roster, leave, inspections, duty log, attendance tally, staff."""
