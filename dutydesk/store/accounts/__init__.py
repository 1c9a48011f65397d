"""Accounts of the people who use the app, and logging in (passwords, lockout, idle lock)."""
