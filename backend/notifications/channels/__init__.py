"""Delivery channels: in-app rows, e-mail, signed webhooks."""
