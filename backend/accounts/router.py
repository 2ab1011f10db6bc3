"""HTTP routes of sign-up, sign-in, tokens and the caller's own profile."""

from typing import Annotated

from fastapi import APIRouter, Body, Depends, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from backend.accounts import auth_service, service
from backend.accounts.deps import CurrentUser
from backend.accounts.enums import Role
from backend.accounts.schemas import LoginIn, MeOut, MeUpdate, RefreshIn, RegisterIn, TokenPair
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES, NotAuthenticated

router = APIRouter(prefix="/auth", tags=["auth"], responses=ERROR_RESPONSES)
me_router = APIRouter(prefix="/me", tags=["me"], responses=ERROR_RESPONSES)
_bearer = HTTPBearer(auto_error=True)


def _pair(tokens: auth_service.IssuedTokens) -> TokenPair:
    return TokenPair(access_token=tokens.access_token, refresh_token=tokens.refresh_token, expires_at=tokens.expires_at)


@router.post("/register", status_code=status.HTTP_201_CREATED, operation_id="register")
def register(session: SessionDep, data: RegisterIn) -> MeOut:
    """Create an organisation (pending verification) and its first admin user."""
    org = service.create_organisation(session, data=data.organisation, actor_id=None)
    user = service.create_user(
        session,
        org=org,
        email=data.email,
        password=data.password,
        full_name=data.full_name,
        role=Role.org_admin,
        locale=data.locale,
    )
    session.refresh(user)
    return MeOut.model_validate(user)


@router.post("/login", operation_id="login")
def login(session: SessionDep, data: LoginIn) -> TokenPair:
    """Exchange e-mail and password for a short-lived access token and a rotating refresh token."""
    try:
        tokens = auth_service.login(session, email=data.email, password=data.password)
    except auth_service.FailedLogin as failed:
        session.commit()  # keep the recorded failure although the request fails
        raise NotAuthenticated(str(failed), code="bad_credentials") from None
    return _pair(tokens)


@router.post("/refresh", operation_id="refreshToken")
def refresh(session: SessionDep, data: RefreshIn) -> TokenPair:
    """Rotate: the refresh token is spent and a new pair is returned."""
    try:
        tokens = auth_service.refresh(session, refresh_token=data.refresh_token)
    except NotAuthenticated:
        session.commit()  # a detected reuse revokes the family; keep that
        raise
    return _pair(tokens)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, operation_id="logout")
def logout(
    session: SessionDep,
    _user: CurrentUser,
    credentials: Annotated[HTTPAuthorizationCredentials, Depends(_bearer)],
    data: Annotated[RefreshIn | None, Body()] = None,
) -> None:
    """Revoke this access token and, when given, the refresh token's whole sign-in."""
    auth_service.logout(
        session, access_token=credentials.credentials, refresh_token=data.refresh_token if data else None
    )


@me_router.get("", operation_id="getMe")
def get_me(user: CurrentUser) -> MeOut:
    return MeOut.model_validate(user)


@me_router.patch("", operation_id="updateMe")
def update_me(session: SessionDep, user: CurrentUser, data: MeUpdate) -> MeOut:
    """Change your name or interface language (remembered per user)."""
    for key, value in data.model_dump(exclude_unset=True).items():
        if value is not None:
            setattr(user, key, value)
    session.flush()
    return MeOut.model_validate(user)
