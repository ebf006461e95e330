"""Which requests read from the replica, and how fresh the replica is (issue 18).

- ``@replica_read`` marks a view whose GET only reads (dashboards, lists,
  recaps, PDFs). Every other view, and every non-GET request, uses the primary.
- ``ReplicaMiddleware`` sets the per-request ``ReadState`` the router reads,
  sets a signed "just wrote" cookie after every POST (read-your-writes across
  nodes and browsers' tabs: the cookie travels with the user, not with a
  process), and retries a replica-safe view on the primary when the replica
  fails mid-request.
- ``replica_health()`` asks the replica how far behind it is at most every
  ``REPLICA_CHECK_SECONDS`` per process (a cached fact about the server, not
  request state).
"""

from __future__ import annotations

import threading
import time
from functools import wraps

from django.conf import settings
from django.db import DatabaseError, connections
from django.utils import timezone

from kampungkb import db_router
from kampungkb.db_router import REPLICA, ReadState

WRITE_COOKIE = "kkb_tulis"
_SALT = "kampungkb.replica.read-your-writes"
SAFE_METHODS = ("GET", "HEAD")

# Replication lag in seconds: 0 when everything received is replayed, else
# the age of the last replayed commit (the standard measure; a paused or slow
# replay shows up at once).
LAG_SQL = """
SELECT pg_is_in_recovery(),
       CASE WHEN NOT pg_is_in_recovery()
              OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp())
       END,
       pg_last_xact_replay_timestamp()
"""


def replica_read(view):
    """Mark a view as safe to read from the replica on GET/HEAD."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        return view(*args, **kwargs)

    wrapper.replica_read = True
    return wrapper


def is_replica_read(view) -> bool:
    return getattr(view, "replica_read", False)


def max_lag() -> float:
    return float(getattr(settings, "REPLICA_MAX_LAG_SECONDS", 10))


def check_interval() -> float:
    return float(getattr(settings, "REPLICA_CHECK_SECONDS", 5))


def write_window() -> float:
    return float(getattr(settings, "READ_YOUR_WRITES_SECONDS", 30))


class _Health:
    lock = threading.Lock()
    checked = -1e9
    up = False
    lag: float | None = None
    as_of = None


def _probe() -> tuple[bool, float | None, object]:
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute(LAG_SQL)
            _in_recovery, lag, replayed = cursor.fetchone()
        return True, float(lag or 0), replayed
    except DatabaseError:
        # Down or unreachable: drop the broken connection so the next probe
        # opens a fresh one when the server is back.
        connections[REPLICA].close()
        return False, None, None


def replica_health(force: bool = False) -> tuple[bool, float | None, object]:
    """(up, lag seconds, last replayed commit time), re-probed at most every
    ``REPLICA_CHECK_SECONDS`` in this process."""
    now = time.monotonic()
    with _Health.lock:
        if force or now - _Health.checked >= check_interval():
            _Health.up, _Health.lag, _Health.as_of = _probe()
            _Health.checked = time.monotonic()
        return _Health.up, _Health.lag, _Health.as_of


def mark_down() -> None:
    with _Health.lock:
        _Health.up, _Health.checked = False, time.monotonic()


def recently_wrote(request) -> bool:
    stamp = request.get_signed_cookie(
        WRITE_COOKIE, default=None, salt=_SALT, max_age=write_window()
    )
    return stamp is not None


def decide(request, view_func) -> ReadState:
    state = ReadState()
    if request.method not in SAFE_METHODS or not is_replica_read(view_func):
        return state
    if recently_wrote(request):
        state.fell_back = "write"
        return state
    up, lag, replayed = replica_health()
    if not up:
        state.fell_back = "down"
    elif lag > max_lag():
        state.fell_back, state.lag = "lag", lag
    else:
        state.use_replica, state.lag = True, lag
        # Caught up: the figures are as of now; behind: as of the last replay.
        state.as_of = replayed if lag and replayed else timezone.now()
    return state


class ReplicaMiddleware:
    """Installed by settings only when a replica is configured."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = db_router.begin(ReadState())
        try:
            response = self.get_response(request)
        finally:
            db_router.end(token)
        if request.method not in SAFE_METHODS and response.status_code < 500:
            response.set_signed_cookie(
                WRITE_COOKIE,
                str(int(time.time())),
                salt=_SALT,
                max_age=int(write_window()),
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        state = db_router.current_state()
        if state is None:
            return None
        decided = decide(request, view_func)
        state.__dict__.update(decided.__dict__)
        request.replica_read = state
        request._replica_view = (view_func, view_args, view_kwargs)
        return None

    def process_exception(self, request, exception):
        """The replica went away mid-request: answer the same (read-only) view
        from the primary instead of a 500."""
        state = db_router.current_state()
        if state is None or not state.used_replica or not isinstance(exception, DatabaseError):
            return None
        mark_down()
        connections[REPLICA].close()
        state.use_replica, state.used_replica, state.fell_back = False, False, "down"
        state.as_of = None
        view_func, args, kwargs = request._replica_view
        response = view_func(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        return response


def data_as_of(request):
    """Context processor: on replica-safe pages, when a replica is configured,
    say as of when the figures are (template ``includes/_data_as_of.html``)."""
    state = getattr(request, "replica_read", None)
    if state is None or request.method not in SAFE_METHODS:
        return {}
    view = getattr(request, "_replica_view", (None,))[0]
    if not is_replica_read(view):
        return {}
    if state.use_replica:
        return {"data_as_of": state.as_of or timezone.now(), "data_source": "replica"}
    return {"data_as_of": timezone.now(), "data_source": "primary"}
