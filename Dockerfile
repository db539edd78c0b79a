# Production-like image: gunicorn behind whitenoise, PostgreSQL from DATABASE_URL.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=config.settings.production
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core postgresql-client \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 ombud
WORKDIR /app
COPY pyproject.toml .build-constraints.txt ./
COPY config config
COPY core core
COPY clients clients
COPY systembrister systembrister
COPY dataprotection dataprotection
COPY ledningsgrupp ledningsgrupp
COPY statsbidrag statsbidrag
COPY administration administration
COPY imports imports
COPY jobs jobs
COPY earkiv earkiv
RUN pip install --no-cache-dir --upgrade pip \
 && pip install --no-cache-dir --build-constraint .build-constraints.txt .
COPY . .
# Build-time steps need settings but no database or secret of the real deployment.
ARG BUILD_ENV="SECRET_KEY=build ALLOWED_HOSTS=build DATABASE_URL=postgres://build@localhost/build DATABASE_OWNER_URL=postgres://build-owner@localhost/build"
RUN env $BUILD_ENV python manage.py compilemessages -v 0 --ignore=.venv \
 && env $BUILD_ENV python manage.py collectstatic --noinput -v 0 \
 && mkdir -p /app/var/media /backup \
 && chown -R ombud /app/var /backup
USER ombud
EXPOSE 8000
# migrate and grant_app_role run as the owner (DATABASE_OWNER_URL); gunicorn serves as the
# app role (DATABASE_URL), which may only read and write rows (docs/operations.md).
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py grant_app_role && gunicorn config.wsgi:application --bind 0.0.0.0:8000 --workers ${GUNICORN_WORKERS:-4} --timeout ${GUNICORN_TIMEOUT:-120} --preload --access-logfile -"]
