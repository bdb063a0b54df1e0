"""Reporting findings and resolutions: text with carets, JSON, SARIF, and explain."""
