"""Deals: interest, pipeline, contract, registration, payments, income split, commissions."""
