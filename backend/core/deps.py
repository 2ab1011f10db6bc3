"""Request-scoped dependencies shared by every router."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from backend.core.db import session_scope


def get_session() -> Iterator[Session]:
    yield from session_scope()


# scope="function": commit before the response is sent, so a client never sees a success
# for a write that is not yet (or never) committed, and its next request sees the write.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
