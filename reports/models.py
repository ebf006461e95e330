"""Summary tables, dashboards and report outputs."""
