"""Cross-cutting infrastructure: settings, database, errors, security, pagination."""
