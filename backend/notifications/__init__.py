"""Notifications: the transactional outbox, deliveries per channel, preferences."""
