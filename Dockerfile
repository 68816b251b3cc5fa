# syntax=docker/dockerfile:1
# Production image of the reference project: the package is installed with `pip install .`
# (not editable), so Django's BASE_DIR is site-packages and STATIC_ROOT/MEDIA_ROOT live there.
FROM python:3.11.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production

# BASE_DIR of config/settings/base.py once installed; docker-compose.yml mounts media here.
ARG SITE_PACKAGES=/usr/local/lib/python3.11/site-packages

RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /srv/app --create-home \
    --shell /usr/sbin/nologin app

WORKDIR /tmp/src
COPY . .
RUN pip install . gunicorn==27.0.1 \
 && rm -rf /tmp/src

# Run from a directory without sources so `config` always imports from site-packages.
WORKDIR /srv/app

# Fail the build if the installed layout moved (the media volume would silently miss it).
# The dummy SECRET_KEY exists only for these RUN steps; it is not in the image's ENV.
RUN SECRET_KEY=build-only-not-secret python -c "import django; django.setup(); \
from django.conf import settings as s; import sys; \
sys.exit(0 if str(s.MEDIA_ROOT) == '${SITE_PACKAGES}/media' else f'MEDIA_ROOT is {s.MEDIA_ROOT}')" \
 && SECRET_KEY=build-only-not-secret python -m django collectstatic --noinput \
 && mkdir -p "${SITE_PACKAGES}/media" \
 && chown app:app "${SITE_PACKAGES}/media"

USER app
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000"]
