"""Operational tasks: a ping to check the broker and a worker end to end."""

from backend.notifications import tasknames
from workers.base import task


@task(tasknames.PING, ignore_result=False)
def ping() -> str:
    return "pong"
