"""Stable task names: the backend hands work to the workers by name, never by import.

These names are part of the wire format (outbox rows and broker messages carry them), so a
rename needs a migration of pending rows; add new names, do not change old ones.
"""

DELIVER_EMAIL = "techmatch.notifications.deliver_email"
DELIVER_WEBHOOK = "techmatch.notifications.deliver_webhook"
SEND_DIGESTS = "techmatch.notifications.send_digests"
RELAY_OUTBOX = "techmatch.outbox.relay"
SWEEP_OUTBOX = "techmatch.outbox.sweep"
CHECK_EXPIRY = "techmatch.listings.check_expiry"
PING = "techmatch.system.ping"
