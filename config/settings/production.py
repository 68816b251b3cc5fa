"""Production settings: HTTPS only, one JSON log line per record on stdout, no weak secret.

The site runs behind a reverse proxy that terminates TLS and sets `X-Forwarded-Proto: https`
(replacing whatever a client sent): that header is how Django knows a request was secure. Plain
HTTP is redirected to HTTPS, and browsers are told (HSTS, one year, subdomains, preload) never to
use plain HTTP again. Sessions, CSRF and language cookies travel over HTTPS only.

Refuses to start when SECRET_KEY is weak (see base.secret_key_weakness) or DEBUG is on.

Environment variables besides base.py's (defaults in brackets):
  LOG_LEVEL  [INFO]  lowest level written to stdout
"""

import json
import logging
import os
from datetime import UTC, datetime

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import DEBUG, SECRET_KEY, secret_key_weakness

if weakness := secret_key_weakness(SECRET_KEY):
    raise ImproperlyConfigured(
        f"Production refuses to start: SECRET_KEY {weakness}. Generate a key with "
        "python -c \"import secrets; print(secrets.token_urlsafe(50))\"")
if DEBUG:
    raise ImproperlyConfigured(
        "Production refuses to start: DEBUG is on, which shows tracebacks and settings to "
        "visitors. Unset DEBUG; errors are logged to stdout.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and the traceback if any.

    A log collector (docker logs, journald, Loki, Elasticsearch) reads each record whole, a
    multi-line traceback included; newlines and non-ASCII characters are escaped, so no value
    (a request path, a page title) can start a line of its own.
    """

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if isinstance(status := getattr(record, "status_code", None), int):
            entry["status_code"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str)


LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": JsonLinesFormatter}},
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout",
                   "formatter": "json", "level": LOG_LEVEL},
    },
    # Every logger propagates here, django.request's 500 tracebacks included (Django's own
    # console handler prints only with DEBUG on).
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
}
# Celery workers and beat log through the same handler instead of their own format on stderr.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
