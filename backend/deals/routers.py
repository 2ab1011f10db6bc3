"""Every router of the deals domain, so the app registers them in one line."""

from fastapi import APIRouter

from backend.deals.interests_router import router as interests_router
from backend.deals.router import router as deals_router

DEAL_ROUTERS: tuple[APIRouter, ...] = (interests_router, deals_router)
