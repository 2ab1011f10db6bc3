"""Policy domain: subsidy, reward and voucher rule sets, their evaluation, and applications.

The pure engine (no HTTP, no ORM) lives in ``backend.policy.engine``; the published rule sets ship as data
in ``backend/policy/presets/*.json``; ``backend.policy.cli`` adds the ``policy`` command group.
"""
