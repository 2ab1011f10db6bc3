"""Vocabularies of notifications."""

from enum import StrEnum


class Channel(StrEnum):
    in_app = "in_app"
    email = "email"


class DeliveryStatus(StrEnum):
    pending = "pending"  # waiting for a worker
    sending = "sending"  # a worker holds the lease
    sent = "sent"
    digest = "digest"  # waits for the user's daily digest
    digested = "digested"  # carried by a digest e-mail
    failed = "failed"  # retries exhausted; an admin may retry it


class EmailMode(StrEnum):
    immediate = "immediate"
    digest = "digest"


class Event(StrEnum):
    listing_approved = "listing.approved"
    listing_rejected = "listing.rejected"
    listing_revision_requested = "listing.revision_requested"
    listing_expiring = "listing.expiring"
    listing_expired = "listing.expired"
    match_new = "match.new"
    search_match = "search.match"
    digest = "digest"
