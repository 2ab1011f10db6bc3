"""Task modules, one per domain; every task name is listed in backend/notifications/tasknames.py."""
