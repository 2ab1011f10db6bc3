"""The FastAPI application: routers, error shape, limits and the built web app."""

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.convertors import PathConvertor, register_url_convertor

from backend.accounts.org_router import router as organisations_router
from backend.accounts.router import me_router
from backend.accounts.router import router as auth_router
from backend.core.config import get_settings
from backend.core.handlers import install_error_handlers
from backend.core.limits import RequestLimits
from backend.deals.routers import DEAL_ROUTERS
from backend.jobs.router import admin_router as failed_tasks_router
from backend.jobs.router import router as jobs_router
from backend.listings.import_router import router as import_router
from backend.listings.nda_router import router as nda_router
from backend.listings.router import needs_router, outputs_router
from backend.listings.taxonomy_router import router as taxonomy_router
from backend.matching.router import router as matching_router
from backend.notifications.router import router as notifications_router
from backend.policy.applications_router import router as applications_router
from backend.policy.batch_router import router as batch_router
from backend.policy.router import router as policy_router
from backend.searches.router import router as saved_searches_router
from backend.stats.opendata_router import router as opendata_router
from backend.stats.router import router as stats_router

API_DESCRIPTION = """
techmatch connects Guangxi's research outputs (科技成果) with enterprises' technology needs (技术需求).

Sign in with `POST /auth/login` and send `Authorization: Bearer <access_token>`.
Errors are JSON `{"code", "message", "details"}`; money is a string with two decimals.
"""


class Health(BaseModel):
    status: str


def create_app() -> FastAPI:
    settings = get_settings()
    app = FastAPI(title="techmatch", version="0.1.0", description=API_DESCRIPTION)
    install_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["*"], allow_headers=["*"]
        )
    app.add_middleware(RequestLimits, max_body_bytes=settings.max_body_bytes)

    routers = (
        auth_router,
        me_router,
        organisations_router,
        outputs_router,
        needs_router,
        taxonomy_router,
        matching_router,
        policy_router,
        applications_router,
        batch_router,
        opendata_router,
        stats_router,
        import_router,
        nda_router,
        *DEAL_ROUTERS,
    )
    for router in routers:
        app.include_router(router, prefix="/api")
    for router in (notifications_router, jobs_router, failed_tasks_router, saved_searches_router):
        app.include_router(router, prefix="/api")

    @app.get("/api/health", tags=["health"], operation_id="health")
    def health() -> Health:
        return Health(status="ok")

    _mount_frontend(app)
    return app


class WebPathConvertor(PathConvertor):
    regex = r"(?!api(?:/|$)).*"


def _mount_frontend(app: FastAPI) -> None:
    dist = get_settings().frontend_dist
    index = dist / "index.html"
    if not index.is_file():
        return
    app.mount("/assets", StaticFiles(directory=dist / "assets", check_dir=False), name="assets")

    # "webpath" never matches /api/...: an unknown API path must get a JSON 404 (or 405), not HTML.
    register_url_convertor("webpath", WebPathConvertor())

    @app.get("/{path:webpath}", include_in_schema=False)
    def spa(path: str) -> FileResponse:
        # The web app routes on the client; every unknown path gets its shell.
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and dist.resolve() in candidate.parents:
            return FileResponse(candidate)
        return FileResponse(index)
