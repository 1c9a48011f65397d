"""The archive (档案, A01-A05): what the archive search covers, record views, the lookup register,
retention, yearly filing and the daily-work boundary."""
