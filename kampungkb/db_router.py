"""Read replica routing (issue 18).

With ``DATABASE_REPLICA_URL`` set, settings add a ``replica`` database alias
and this router. Without it the router is not installed and nothing changes.

Who decides what:
- ``kampungkb.replica.ReplicaMiddleware`` decides per request whether reads
  *may* go to the replica (a GET of a view marked ``@replica_read``, no write
  by this browser in the last ``READ_YOUR_WRITES_SECONDS``, the replica up and
  not lagging) and stores that in a context variable: one value per request
  (thread or task), never process-global.
- This router then sends each read there, unless the read is inside a write's
  transaction on the primary (``in_atomic_block``) or touches a model whose
  reads must always be current (sessions, lockouts, task queue).
- Every write, and every migration, goes to the primary.
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"

# Apps whose rows decide who is logged in, who is locked out and which task
# runs next: reading them a few seconds old would be a bug, not staleness.
PRIMARY_ONLY_APPS = frozenset({"sessions", "axes", "django_tasks_db"})


@dataclass
class ReadState:
    """What this request may read from, set by the middleware."""

    use_replica: bool = False
    # Replica lag when the request started (seconds) and the replica's last
    # replayed commit time: what the "figures as of" note shows.
    lag: float | None = None
    as_of: object | None = None
    used_replica: bool = False
    fell_back: str = ""  # why reads went to the primary: "lag", "down", "write"


_state: contextvars.ContextVar[ReadState | None] = contextvars.ContextVar(
    "kampungkb_read_state", default=None
)


def current_state() -> ReadState | None:
    return _state.get()


def begin(state: ReadState) -> contextvars.Token:
    return _state.set(state)


def end(token: contextvars.Token) -> None:
    _state.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        state = _state.get()
        if state is None or not state.use_replica:
            return DEFAULT_DB_ALIAS
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return DEFAULT_DB_ALIAS
        # A read inside a write's transaction must see that transaction.
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        state.used_replica = True
        return REPLICA

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same database (physical replica).
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
