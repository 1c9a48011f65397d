"""Pure rules of grid responsibility and household visits (G01-G05): quotas and diary deadlines."""
