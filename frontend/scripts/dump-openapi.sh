#!/usr/bin/env bash
# Dump the backend's OpenAPI schema to $1 (default: openapi.json, relative to frontend/).
set -euo pipefail
cd "$(dirname "$0")/.."   # frontend/
out="${1:-openapi.json}"
PYTHONPATH=.. ../.venv/bin/python -c "import json; from backend.app import create_app; print(json.dumps(create_app().openapi(), indent=1, ensure_ascii=False))" > "$out.partial"
mv "$out.partial" "$out"
echo "wrote $out" >&2
