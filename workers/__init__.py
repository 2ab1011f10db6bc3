"""Celery workers: the app (workers.app), tasks that call the domain services in backend/."""
