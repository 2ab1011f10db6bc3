"""Path and query parameter types with bounds the database can hold."""

from typing import Annotated

from fastapi import Path

MAX_ID = 2_147_483_647  # INTEGER primary keys on PostgreSQL

IdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="Numeric id")]
