"""The production settings plus one bench-only middleware.

Used only by ``make bench`` (``DJANGO_SETTINGS_MODULE=bench.settings``): every
response gets ``X-Bench-Queries`` (SQL statements run) and ``X-Bench-Ms``
(server time inside Django), so the runner measures them over real HTTP."""

from kampungkb.settings import *  # noqa: F403
from kampungkb.settings import MIDDLEWARE

MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
