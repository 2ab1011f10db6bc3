"""Indicators, reports and the open-data feed for the science department and other markets."""
