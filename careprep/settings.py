"""Django settings, read from the environment.

Every value has a safe default for a laptop; `.env.example` lists them all. The small parsers below
fail loudly on a value they cannot read instead of silently falling back.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    value = os.getenv(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: str) -> int:
    value = os.getenv(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


def cache_config(url: str) -> dict:
    """`locmem://`, `db://TABLE` or `redis://host:port/db` as a Django cache setting."""
    scheme, _, rest = url.partition("://")
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": rest}
    if scheme == "db" and rest:
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": rest}
    if scheme in ("redis", "rediss"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise ImproperlyConfigured(f"CACHE_URL must be locmem://, db://TABLE or redis://…, not {url!r}")


CAREPREP_ENV = os.getenv("CAREPREP_ENV", "development")
if CAREPREP_ENV not in ("development", "production"):
    raise ImproperlyConfigured("CAREPREP_ENV must be development or production")

DEV_SECRET_KEY = "development-only-secret-key-do-not-use-in-production"
SECRET_KEY = os.getenv("SECRET_KEY", DEV_SECRET_KEY)
if CAREPREP_ENV == "production" and (SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured("Set SECRET_KEY to a random value of 32+ characters in production")

DEBUG = envbool("DEBUG", "false")
# How many reverse proxies in front of the app add X-Forwarded-For (0: trust REMOTE_ADDR only).
PROXY_COUNT = envint("PROXY_COUNT", "0")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
SITE_NAME = os.getenv("SITE_NAME", "CarePrep")
SITE_ROOT = os.getenv("SITE_ROOT", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    # Our apps first so their templates (registration/*) win over the admin's.
    "questionbank",
    "accounts",
    "practice",
    "front",
    "api",
    "audit",
    "programmes",
    "hiring",
    "mentoring",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "csp",
    # Two-factor log-in: TOTP authenticator apps (recovery codes are accounts.RecoveryCode).
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Serves /api/v1/docs (Swagger UI) from django-ninja's own static files instead of a CDN.
    "ninja",
]

MIDDLEWARE = [
    # First: metrics and health probes, answered before sessions, CSRF, redirects, rate limits.
    "careprep.logs.RequestIdMiddleware",
    "careprep.metrics.MetricsMiddleware",
    "careprep.health.HealthMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "careprep.middleware.AllowedMethodsMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    # Keeps the request at hand for the audit log and records reads of personal data.
    "audit.middleware.AuditMiddleware",
    "accounts.middleware.FormThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.SessionLifetimeMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "careprep.middleware.SecurityHeadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "careprep.urls"
WSGI_APPLICATION = "careprep.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "front.context_processors.site",
            ],
        },
    },
]

# SQLite by default; PostgreSQL (or anything dj-database-url reads) by one variable.
DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL", f"sqlite:///{BASE_DIR / 'careprep.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", "0"),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one request writes (the load test has 20 users at once).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": envint("PASSWORD_MIN_LENGTH", "12")},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.passwords.ContextWordsValidator"},
]
# django-axes checks every log-in (web, admin) before the model backend does.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "profile"
LOGOUT_REDIRECT_URL = "home"

# Idle timeout: the session expires SESSION_IDLE_MINUTES after the last request.
SESSION_COOKIE_AGE = envint("SESSION_IDLE_MINUTES", "30") * 60
SESSION_SAVE_EVERY_REQUEST = True
# Absolute lifetime: however active, a session ends this many hours after its log-in.
SESSION_ABSOLUTE_HOURS = envint("SESSION_ABSOLUTE_HOURS", "12")
# Personal API tokens end after this many days (and at a password change).
API_TOKEN_DAYS = envint("API_TOKEN_DAYS", "90")
# `careprep retention apply` removes attempts and finished mock interviews older than this many
# days; 0 keeps everything.
RETENTION_DAYS = envint("RETENTION_DAYS", "0")
if RETENTION_DAYS < 0:
    raise ImproperlyConfigured("RETENTION_DAYS must be 0 (keep everything) or more")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Behind HTTPS (the default in production): secure cookies, HSTS, and HTTP sent to HTTPS.
SECURE_COOKIES = envbool("SECURE_COOKIES", "true" if CAREPREP_ENV == "production" else "false")
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_HSTS_SECONDS = envint("HSTS_SECONDS", "31536000") if SECURE_COOKIES else 0
# The app's own host and its subdomains; preload only says the site may be listed.
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("HSTS_INCLUDE_SUBDOMAINS", "true")
SECURE_HSTS_PRELOAD = envbool("HSTS_PRELOAD", "true")
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "true" if SECURE_COOKIES else "false")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PROXY_COUNT > 0:  # the proxy terminates TLS and says so
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

EMAIL_BACKEND = os.getenv("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.getenv("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "false")
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "careprep@localhost")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.getenv("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.getenv("STATIC_ROOT", str(BASE_DIR / "static-collected")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

CONTENT_DIR = Path(os.getenv("CONTENT_DIR", str(BASE_DIR / "content")))

# The shared store for log-in failures and rate limits, so they hold across workers: the database
# by default (the table is made by `migrate`/`careprep run`), Redis with redis://host:6379/0.
CACHES = {"default": cache_config(os.getenv("CACHE_URL", "db://careprep_cache"))}

# Log-in throttling (django-axes, in the cache): an account locks for LOGIN_LOCKOUT_MINUTES after
# LOGIN_FAILURE_LIMIT wrong passwords in a row; a success resets the count.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "careprep.ratelimit.client_ip"
AXES_VERBOSE = False
# axes.W006 asks to lock by address too; we lock the account (so a spread-out attack cannot go on)
# and slow each address with RATE_LOGINS_PER_MINUTE instead, so one shared hospital address is
# not locked out of every account at once.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
# Per-user and per-address limits (requests per minute) on what costs CPU or guesses secrets.
RATE_ANSWERS_PER_MINUTE = envint("RATE_ANSWERS_PER_MINUTE", "10")
RATE_LOGINS_PER_MINUTE = envint("RATE_LOGINS_PER_MINUTE", "20")
RATE_BAD_TOKENS_PER_MINUTE = envint("RATE_BAD_TOKENS_PER_MINUTE", "10")
RATE_SIGNUPS_PER_HOUR = envint("RATE_SIGNUPS_PER_HOUR", "10")
RATE_2FA_CODES_PER_MINUTE = envint("RATE_2FA_CODES_PER_MINUTE", "5")

# Two-factor log-in (TOTP, django-otp). Staff and superusers must use it when this is on (the
# default in production); anyone may turn it on for themselves. Creating an API token needs the
# second factor given within TWO_FACTOR_FRESH_MINUTES.
TWO_FACTOR_REQUIRED_FOR_STAFF = envbool(
    "TWO_FACTOR_REQUIRED_FOR_STAFF", "true" if CAREPREP_ENV == "production" else "false"
)
# Programme admins, hiring managers and interviewers (of any organisation) see other people's
# practice and hiring records, so they must use it too when this is on (the default in
# production); candidates and mentors choose for themselves.
TWO_FACTOR_REQUIRED_FOR_PROGRAMME_ROLES = envbool(
    "TWO_FACTOR_REQUIRED_FOR_PROGRAMME_ROLES", "true" if CAREPREP_ENV == "production" else "false"
)
TWO_FACTOR_FRESH_MINUTES = envint("TWO_FACTOR_FRESH_MINUTES", "15")
OTP_TOTP_ISSUER = SITE_NAME

# Content-Security-Policy (django-csp): scripts, styles, fonts and images from this server only,
# no inline script and no eval. Inline style *attributes* stay allowed (score bars and Swagger UI
# set widths with them); they cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Background reviews (Celery): with a broker the coach runs in `careprep worker` processes and the
# pages poll for the feedback; without one (the default) every review runs in the web process.
BROKER_URL = os.getenv("CAREPREP_BROKER_URL", "").strip()
CELERY_BROKER_URL = BROKER_URL or "memory://"
CELERY_RESULT_BACKEND = os.getenv("CAREPREP_RESULT_URL", BROKER_URL) or None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A message taken by a worker that died unseen goes back to the queue after this many seconds: more
# than the longest task (an LLM review: two tries of CAREPREP_LLM_TIMEOUT).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": envint("CAREPREP_TASK_VISIBILITY_SECONDS", "90"),
    # The web process gives up on an unreachable broker quickly and reviews in-process instead.
    "max_retries": 1,
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
CELERY_TASK_ROUTES = {"practice.llm_review": {"queue": "llm"}}
CELERY_TASK_DEFAULT_QUEUE = "reviews"
# The optional LLM reviewer (coach.llm) is off unless CAREPREP_LLM_URL is set; candidates still
# choose, answer by answer or in their profile, whether their (redacted) answer is sent.

# CAREPREP_LOG_FORMAT=json: one JSON object a line for a log collector; text on a laptop. Every
# line has the request id (careprep.logs), in the worker too.
LOG_FORMAT = os.getenv("CAREPREP_LOG_FORMAT", "text").strip().lower()
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"CAREPREP_LOG_FORMAT must be json or text, not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "careprep.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "careprep.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "WARNING")},
}
