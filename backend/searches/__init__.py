"""Saved searches: browse filters a user keeps, and the alerts they raise when a listing fits them."""
