"""Settings for Portal Kampung KB, all read from the environment.

Defaults give a zero-configuration development setup (SQLite file, DEBUG on).
Production sets DEBUG=0, SECRET_KEY, DATABASE_URL and ALLOWED_HOSTS.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from kampungkb import first_visit

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

_DEV_SECRET_KEY = "dev-only-insecure-key-change-me"
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET_KEY)
if not DEBUG and (SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    # Refuse to serve real data with a key everyone can read in this file.
    raise ImproperlyConfigured(
        "DEBUG mati tetapi SECRET_KEY belum diisi: setel SECRET_KEY (minimal 50 karakter acak)."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_tasks_db",
    "axes",
    "kampungkb",
    "villages",
    "poktan",
    "interventions",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kampungkb.middleware.RejectNulMiddleware",
    # HTML compressed on the wire (a register page is ~5× smaller on a weak
    # connection); Django mitigates BREACH here since 4.2 (random padding).
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside sessions, messages and CSP: a kept copy still current gets a
    # bare 304 (kampungkb/kept_copy.py), the page rendered as usual first.
    "kampungkb.kept_copy.KeptCopyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kampungkb.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kampungkb.middleware.PrivateCacheMiddleware",
    "kampungkb.middleware.PublicPhoneMaskMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Inside messages and CSP: a register saved through the service worker
    # gets its page in the POST's answer (kampungkb/inline_redirect.py).
    "kampungkb.inline_redirect.InlineRedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kampungkb.urls"
WSGI_APPLICATION = "kampungkb.wsgi.application"
ASGI_APPLICATION = "kampungkb.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kampungkb.context_processors.portal",
            ],
            "builtins": ["django.templatetags.i18n", "django.templatetags.l10n"],
        },
    }
]

# PostgreSQL through psycopg 3 with Django's connection pool in production and
# tests; a local SQLite file only as the zero-configuration demo default.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=0
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})
    if env_bool("DB_PGBOUNCER", False):
        # Behind pgbouncer in transaction mode (README "Operasi"): no named
        # server-side cursors, no prepared statements, no second pool here.
        DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
        DATABASES["default"]["OPTIONS"]["prepare_threshold"] = None
    elif env_bool("DB_POOL", True):
        DATABASES["default"]["OPTIONS"]["pool"] = {"min_size": 1, "max_size": 10, "timeout": 10}

# Optional read replica (issue 18, README "Operasi: replika baca"): dashboards,
# lists, recaps and PDFs read from it; writes and everything else use the
# primary. Without DATABASE_REPLICA_URL nothing here is installed.
REPLICA_MAX_LAG_SECONDS = float(os.environ.get("REPLICA_MAX_LAG_SECONDS", 10))
REPLICA_CHECK_SECONDS = float(os.environ.get("REPLICA_CHECK_SECONDS", 5))
READ_YOUR_WRITES_SECONDS = float(os.environ.get("READ_YOUR_WRITES_SECONDS", 30))
DATABASE_ROUTERS = []
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"])
    DATABASES["replica"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        # A replica that is down must not hold a request for long.
        "connect_timeout": 3,
    }
    if "pool" in DATABASES["replica"]["OPTIONS"]:
        DATABASES["replica"]["OPTIONS"]["pool"] = {"min_size": 0, "max_size": 10, "timeout": 3}
    DATABASES["replica"]["DISABLE_SERVER_SIDE_CURSORS"] = DATABASES["default"].get(
        "DISABLE_SERVER_SIDE_CURSORS", False
    )
    # The test suite runs against one database; replica tests add their own.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["kampungkb.db_router.ReplicaRouter"]
    MIDDLEWARE.insert(1, "kampungkb.replica.ReplicaMiddleware")
    TEMPLATES[0]["OPTIONS"]["context_processors"].append("kampungkb.replica.data_as_of")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "kampungkb.User"
# Covering indexes (INCLUDE) are PostgreSQL's; on SQLite (make run) Django
# creates them without the included column, which is all we need there.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
LOGIN_URL = "akun:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "akun:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Password guessing: after 5 failed logins for one username from one address,
# that pair waits 15 minutes (django-axes, counted in the database so every
# app server sees the same count).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# And one address trying many usernames is refused, for that address only
# (kampungkb/accounts.py): guessing kader.<kode> never locks the kader out.
AXES_IP_FAILURE_LIMIT = int(os.environ.get("AXES_IP_FAILURE_LIMIT", 20))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_VERBOSE = False

SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 60 * 60 * 12))
SESSION_EXPIRE_AT_BROWSER_CLOSE = False

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["kampungkb.formats"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# Numbers are grouped for people only, with the `angka`/`rupiah`/`persen` filters
# (templatetags/portal.py): a bare {{ n }} lands in input values, attributes and
# URLs, where "1.280" is read as 1 (issue 12 item 1).
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
if os.environ.get("MEDIA_S3_BUCKET"):
    # Several app nodes share uploads through S3-compatible storage
    # (django-storages, `pip install .[s3]`); the local folder stays the default.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            # Private objects: files are served by the portal's views after a
            # scope check, never by a public bucket URL.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
# How many app nodes serve this portal (check --deploy warns about anything
# that would then live in one process only: cache, sessions, media, tasks).
APP_NODES = int(os.environ.get("APP_NODES", 1))
# Uploads on a folder every node mounts (NFS and the like) instead of S3.
MEDIA_SHARED = env_bool("MEDIA_SHARED", False)
# Nothing relies on the cache for correctness; with several nodes a shared
# one keeps any future use consistent (Django's Redis backend, `pip install redis`).
if os.environ.get("CACHE_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["CACHE_REDIS_URL"],
        }
    }
# Uploaded files are never served by URL from MEDIA_ROOT: views check scope first.
MEDIA_URL = "/media-tidak-publik/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

FORM_RENDERER = "kampungkb.form_renderer.PortalFormRenderer"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Built-in Content Security Policy: only our own origin, no 'unsafe-inline'.
# The one inline stylesheet and loader of a first visit are allowed by their
# exact SHA-256 (kampungkb/first_visit.py).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE, first_visit.csp_source(first_visit.LOADER)],
    "style-src": [CSP.SELF, first_visit.csp_source(first_visit.STYLESHEET)],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
}

TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}

# Production hardening: on whenever DEBUG is off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Reporting periods (design.md §4.2): the default rule used when no
# configuration row exists yet; the rows in kampungkb.AturanPeriode win.
PERIODE_DEFAULT_HARI_BATAS = 3
PERIODE_DEFAULT_HARI_KUNCI = 10

DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "kampungkb-demo")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
