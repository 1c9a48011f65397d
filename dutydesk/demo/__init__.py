"""Deterministic demo data for ``--demo``, ``dutydesk demo``, tests and benchmarks."""
