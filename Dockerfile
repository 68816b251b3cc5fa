# syntax=docker/dockerfile:1
# Production images of the reference project, two targets of one build:
#   app    (the default) the plugin installed with `pip install .` (not editable: pages, search,
#          workers and cms in site-packages) and the reference project (config/ and manage.py,
#          which the wheel does not ship) in PROJECT_DIR, Django's BASE_DIR, where STATIC_ROOT
#          and MEDIA_ROOT live; runs gunicorn and the Celery worker and beat.
#   proxy  nginx in front of gunicorn: serves /static/ (copied from `app`, so it always matches
#          the code; hashed names and gzip copies made by collectstatic, see config/settings)
#          and image renditions from the media volume, passes everything else on. The app
#          serves the same files itself (WhiteNoise) to whoever reaches it without the proxy.
#          Documents are never served from /media/: Wagtail's view checks their collection's
#          privacy first.

# BASE_DIR of config/settings/base.py in the image; docker-compose.yml mounts media here.
ARG PROJECT_DIR=/srv/app

FROM python:3.11.13-slim-bookworm AS app
ARG PROJECT_DIR

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    PYTHONPATH=${PROJECT_DIR}

RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir ${PROJECT_DIR} --create-home \
    --shell /usr/sbin/nologin app

WORKDIR /tmp/src
COPY . .
# The Lithuanian catalogues are compiled (msgfmt, Debian's gettext) into the wheel's .mo files.
RUN apt-get update -q && apt-get install -y -q --no-install-recommends gettext \
 && for catalogue in */locale/*/LC_MESSAGES/django.po; do \
      msgfmt --check -o "${catalogue%.po}.mo" "$catalogue"; done \
 && apt-get purge -y -q gettext && apt-get autoremove -y -q && rm -rf /var/lib/apt/lists/* \
 && pip install . gunicorn==27.0.1 \
 && cp -r config manage.py "${PROJECT_DIR}/" \
 && rm -rf /tmp/src

# The plugin imports from site-packages, the reference project (`config`) from PYTHONPATH.
WORKDIR ${PROJECT_DIR}

# Fail the build if the installed layout moved (the media volume would silently miss it).
# The production settings refuse a weak SECRET_KEY, so these steps get a random one; it exists
# only in this RUN and is not in the image.
RUN export SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
 && python -c "import django; django.setup(); \
from django.conf import settings as s; import sys; \
sys.exit(0 if str(s.MEDIA_ROOT) == '${PROJECT_DIR}/media' else f'MEDIA_ROOT is {s.MEDIA_ROOT}')" \
 && python -m django collectstatic --noinput \
 && mkdir -p "${PROJECT_DIR}/media" \
 && chown app:app "${PROJECT_DIR}/media"

USER app
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000"]


FROM nginx:1.28.0-alpine AS proxy
ARG PROJECT_DIR
COPY --from=app ${PROJECT_DIR}/static /srv/static
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
