# One image for api, worker, beat and migrate; the web app is built in a first stage.
FROM node:20-bookworm-slim AS web
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM python:3.11-slim-bookworm
WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY backend/ backend/
COPY workers/ workers/
COPY migrations/ migrations/
RUN pip install --no-cache-dir .
COPY --from=web /src/frontend/dist /app/frontend/dist
ENV TECHMATCH_FRONTEND_DIST=/app/frontend/dist TECHMATCH_VAR_DIR=/app/var
EXPOSE 8000
CMD ["uvicorn", "backend.app:create_app", "--factory", "--host", "0.0.0.0", "--port", "8000", "--workers", "4"]
