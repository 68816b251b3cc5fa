# syntax=docker/dockerfile:1
# Production images of the reference project, two targets of one build:
#   app    (the default) the package installed with `pip install .` (not editable), so Django's
#          BASE_DIR is site-packages and STATIC_ROOT/MEDIA_ROOT live there; runs gunicorn and the
#          Celery worker and beat.
#   proxy  nginx in front of gunicorn: serves /static/ (copied from `app`, so it always matches
#          the code; hashed names and gzip copies made by collectstatic, see config/settings)
#          and image renditions from the media volume, passes everything else on. The app
#          serves the same files itself (WhiteNoise) to whoever reaches it without the proxy.
#          Documents are never served from /media/: Wagtail's view checks their collection's
#          privacy first.

# BASE_DIR of config/settings/base.py once installed; docker-compose.yml mounts media here.
ARG SITE_PACKAGES=/usr/local/lib/python3.11/site-packages

FROM python:3.11.13-slim-bookworm AS app
ARG SITE_PACKAGES

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production

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
# The production settings refuse a weak SECRET_KEY, so these steps get a random one; it exists
# only in this RUN and is not in the image.
RUN export SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
 && python -c "import django; django.setup(); \
from django.conf import settings as s; import sys; \
sys.exit(0 if str(s.MEDIA_ROOT) == '${SITE_PACKAGES}/media' else f'MEDIA_ROOT is {s.MEDIA_ROOT}')" \
 && python -m django collectstatic --noinput \
 && mkdir -p "${SITE_PACKAGES}/media" \
 && chown app:app "${SITE_PACKAGES}/media"

USER app
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000"]


FROM nginx:1.28.0-alpine AS proxy
ARG SITE_PACKAGES
COPY --from=app ${SITE_PACKAGES}/static /srv/static
# The TLS terminator in front sets X-Forwarded-Proto; it is passed on, and Django redirects any
# request without `https` there.
COPY <<'EOF' /etc/nginx/conf.d/default.conf
log_format json escape=json
    '{"time":"$time_iso8601","level":"INFO","logger":"nginx.access",'
    '"remote_addr":"$remote_addr","forwarded_for":"$http_x_forwarded_for",'
    '"method":"$request_method","host":"$host","path":"$uri","status":$status,'
    '"bytes":$body_bytes_sent,"seconds":$request_time,"user_agent":"$http_user_agent"}';

# collectstatic names each file by its content's hash (and writes a .gz beside it): a hashed
# name never changes content, so browsers keep it for good; other names are kept for an hour.
map $uri $static_expires {
    "~\.[0-9a-f]{12}\.[A-Za-z0-9]+$" max;
    default 1h;
}

server {
    listen 8000;
    server_tokens off;
    access_log /dev/stdout json;
    # Above WAGTAILDOCS_MAX_UPLOAD_SIZE (50 MB), so Wagtail, not nginx, refuses a large upload.
    client_max_body_size 60m;

    location /static/ {
        alias /srv/static/;
        expires $static_expires;
        gzip_static on;
        gzip on;
        gzip_types text/css application/javascript application/json image/svg+xml;
        add_header X-Content-Type-Options nosniff always;
    }

    # Image renditions only. Wagtail images have no privacy; documents do, and original uploads
    # are not published.
    location /media/images/ {
        alias /srv/media/images/;
        expires 1h;
        add_header X-Content-Type-Options nosniff always;
    }

    location /media/ {
        return 404;
    }

    location / {
        proxy_pass http://web:8000;
        proxy_set_header Host $http_host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;
        proxy_redirect off;
    }
}
EOF


# The default target: the application image.
FROM app
