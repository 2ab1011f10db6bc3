"""Who is calling: the signed-in user, optional user, and role guards."""

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from backend.accounts.enums import Role
from backend.accounts.models import RevokedAccessToken, User
from backend.core.deps import SessionDep
from backend.core.errors import Forbidden, NotAuthenticated
from backend.core.security import decode_access_token

_bearer = HTTPBearer(auto_error=False, description="Access token from POST /auth/login")


def _user_from_token(session: SessionDep, token: str | None) -> User | None:
    if not token:
        return None
    claims = decode_access_token(token)
    if claims is None or session.get(RevokedAccessToken, claims["jti"]) is not None:
        raise NotAuthenticated("The access token is invalid, expired or revoked; sign in again")
    user = session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise NotAuthenticated("The account behind this token no longer exists or is disabled")
    return user


def get_current_user(
    session: SessionDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> User:
    user = _user_from_token(session, credentials.credentials if credentials else None)
    if user is None:
        raise NotAuthenticated("Sign in first: send 'Authorization: Bearer <access token>'")
    return user


def get_optional_user(session: SessionDep, request: Request) -> User | None:
    """Public routes read the header themselves so OpenAPI does not mark them as secured."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    return _user_from_token(session, token.strip())


CurrentUser = Annotated[User, Depends(get_current_user)]
OptionalUser = Annotated[User | None, Depends(get_optional_user)]


def require_roles(*roles: Role) -> Callable[[User], User]:
    allowed = frozenset(roles)

    def guard(user: CurrentUser) -> User:
        if user.role not in allowed:
            names = ", ".join(sorted(allowed))
            raise Forbidden(f"This action needs one of the roles: {names}", code="role_required")
        return user

    return guard


StaffUser = Annotated[User, Depends(require_roles(Role.reviewer, Role.platform_admin))]
PlatformAdmin = Annotated[User, Depends(require_roles(Role.platform_admin))]
