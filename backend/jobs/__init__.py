"""Long-running jobs with progress, and the record of background tasks that failed for good."""
