"""Sign-in, token rotation, sign-out and the throttle on failed sign-ins."""

import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backend.accounts.models import LoginThrottle, RefreshToken, RevokedAccessToken, User
from backend.accounts.service import normalise_email
from backend.core.config import get_settings
from backend.core.db import utcnow
from backend.core.errors import NotAuthenticated, TooManyRequests
from backend.core.security import (
    create_access_token,
    decode_access_token,
    new_refresh_token,
    token_digest,
    verify_password,
)

# One message for an unknown user and a wrong password, so sign-in cannot probe accounts.
BAD_CREDENTIALS = "E-mail address or password is incorrect"


def _throttle_row(session: Session, email: str) -> LoginThrottle:
    row = session.scalar(select(LoginThrottle).where(LoginThrottle.email == email))
    if row is None:
        row = LoginThrottle(email=email, failures=0, window_started_at=utcnow())
        session.add(row)
        session.flush()
    return row


def _check_throttle(session: Session, email: str) -> None:
    row = session.scalar(select(LoginThrottle).where(LoginThrottle.email == email))
    now = utcnow()
    if row is not None and row.locked_until is not None and row.locked_until > now:
        wait = math.ceil((row.locked_until - now).total_seconds())
        raise TooManyRequests(f"Too many failed sign-ins; try again in {wait} seconds", retry_after=wait)


def _record_failure(session: Session, email: str) -> None:
    settings = get_settings()
    window = timedelta(minutes=settings.login_lockout_minutes)
    row = _throttle_row(session, email)
    now = utcnow()
    if now - row.window_started_at > window:
        row.failures = 0
        row.window_started_at = now
    row.failures += 1
    if row.failures >= settings.login_max_failures:
        row.locked_until = now + window
        row.failures = 0
        row.window_started_at = now
    session.flush()


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    refresh_token: str
    expires_at: datetime


def _issue_tokens(session: Session, user: User, family: str) -> IssuedTokens:
    access, expires = create_access_token(user_id=user.id, role=user.role, org_id=user.organisation_id)
    refresh = new_refresh_token()
    session.add(
        RefreshToken(
            user_id=user.id,
            token_hash=token_digest(refresh),
            family=family,
            expires_at=utcnow() + timedelta(days=get_settings().refresh_token_days),
        )
    )
    session.flush()
    return IssuedTokens(access, refresh, expires)


class FailedLogin(Exception):
    """Raised after the failure is recorded, so the caller can commit it before answering 401."""


def login(session: Session, *, email: str, password: str) -> IssuedTokens:
    email = normalise_email(email)
    _check_throttle(session, email)
    user = session.scalar(select(User).where(User.email == email))
    ok = verify_password(password, user.password_hash if user else None)
    if user is None or not ok or not user.is_active:
        _record_failure(session, email)
        raise FailedLogin(BAD_CREDENTIALS)
    session.execute(update(LoginThrottle).where(LoginThrottle.email == email).values(failures=0, locked_until=None))
    return _issue_tokens(session, user, uuid.uuid4().hex)


def refresh(session: Session, *, refresh_token: str) -> IssuedTokens:
    row = session.scalar(select(RefreshToken).where(RefreshToken.token_hash == token_digest(refresh_token)))
    now = utcnow()
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        raise NotAuthenticated("The refresh token is invalid, expired or revoked; sign in again")
    if row.used_at is not None:
        # A rotated token came back: someone holds a copy. End the whole sign-in.
        _revoke_family(session, row.family)
        raise NotAuthenticated("This refresh token was already used; the session is ended, sign in again")
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        raise NotAuthenticated("The account is disabled")
    row.used_at = now
    return _issue_tokens(session, user, row.family)


def _revoke_family(session: Session, family: str) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.family == family, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def logout(session: Session, *, access_token: str, refresh_token: str | None) -> None:
    claims = decode_access_token(access_token)
    if claims is not None and session.get(RevokedAccessToken, claims["jti"]) is None:
        try:
            with session.begin_nested():
                revoked = RevokedAccessToken(jti=claims["jti"], expires_at=datetime.fromtimestamp(claims["exp"], UTC))
                session.add(revoked)
        except IntegrityError:
            pass  # a concurrent logout with the same token revoked it first; the outcome is the same
    if refresh_token:
        row = session.scalar(select(RefreshToken).where(RefreshToken.token_hash == token_digest(refresh_token)))
        if row is not None and claims is not None and row.user_id == int(claims["sub"]):
            _revoke_family(session, row.family)
    session.flush()
