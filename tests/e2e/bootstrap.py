"""Create the e2e (and local development) accounts: one verified organisation and user per role.

Idempotent: run it again and it keeps what exists. Uses the backend's own services against
TECHMATCH_DATABASE_URL, so the accounts are exactly what sign-up and review would produce.
Prints the accounts as JSON for the runner.
"""

import json

from sqlalchemy import select

from backend.accounts.enums import OrgKind, OrgStatus, Role
from backend.accounts.models import Organisation, User
from backend.accounts.uscc import ALPHABET, check_character
from backend.core.db import utcnow
from backend.core.security import hash_password

PASSWORD = "e2e-password-123"
ACCOUNTS = [
    ("university", "e2e-university@example.com", "广西科技大学（演示）", OrgKind.university, Role.org_admin),
    ("enterprise", "e2e-enterprise@example.com", "柳州智造机械有限公司（演示）", OrgKind.enterprise, Role.org_admin),
    ("reviewer", "e2e-reviewer@example.com", "广西壮族自治区科学技术厅（演示）", OrgKind.government, Role.reviewer),
]


def _uscc(n: int) -> str:
    body = "91450200" + "".join(ALPHABET[(n * 7919 // 31**i) % 31] for i in range(9))
    return body + check_character(body)


def main() -> None:
    from contextlib import contextmanager

    from backend.core.db import session_scope

    out = {}
    with contextmanager(session_scope)() as session:
        for n, (key, email, org_name, kind, role) in enumerate(ACCOUNTS, start=901):
            user = session.scalar(select(User).where(User.email == email))
            if user is None:
                org = Organisation(
                    name=org_name,
                    kind=kind,
                    region="450200",
                    uscc=_uscc(n),
                    status=OrgStatus.verified,
                    verified_at=utcnow(),
                )
                session.add(org)
                session.flush()
                user = User(
                    email=email,
                    password_hash=hash_password(PASSWORD),
                    full_name=f"{key} e2e",
                    organisation_id=org.id,
                    role=role,
                    locale="zh-CN",
                )
                session.add(user)
                session.flush()
            out[key] = {"email": email, "password": PASSWORD}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
