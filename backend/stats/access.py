"""Who may read which statistics.

- Reviewers and platform admins (the department and platform staff) read everything.
- A university or research institute reads its own results only: every indicator it asks for is
  scoped to its organisation as the seller, and naming another organisation is refused.
- Anyone else signed in (enterprises, agents) is refused: the figures are the department's.
- The public sees only the yearly headline (``GET /stats/headline``): region-wide totals with no
  breakdown by organisation.
"""

from typing import Annotated

from fastapi import Depends

from backend.accounts.deps import CurrentUser
from backend.accounts.enums import STAFF_ROLES, OrgKind
from backend.accounts.models import User
from backend.core.errors import Forbidden
from backend.stats.filters import Filters

INSTITUTION_KINDS = frozenset({OrgKind.university, OrgKind.research_institute})


def is_staff(user: User) -> bool:
    return user.role in STAFF_ROLES


def _stats_reader(user: CurrentUser) -> User:
    if is_staff(user) or user.organisation.kind in INSTITUTION_KINDS:
        return user
    raise Forbidden(
        "Statistics are for reviewers, platform admins and institutions (their own results)", code="stats_forbidden"
    )


StatsReader = Annotated[User, Depends(_stats_reader)]


def own_organisation_id(user: User, requested: int | None) -> int | None:
    """The organisation an institution's request is limited to (None for staff: no limit)."""
    if is_staff(user):
        return requested
    if requested is not None and requested != user.organisation_id:
        raise Forbidden("An institution sees only its own results", code="stats_other_organisation")
    return user.organisation_id


def scope(user: User, filters: Filters) -> Filters:
    organisation_id = own_organisation_id(user, filters.organisation_id)
    return filters if organisation_id is None else filters.scoped_to(organisation_id)
