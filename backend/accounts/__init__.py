"""Organisations, users, roles, sign-in and tokens."""
