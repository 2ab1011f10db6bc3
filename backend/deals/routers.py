"""Every router of the deals domain, so the app registers them in one line."""

from fastapi import APIRouter

from backend.deals.agents_router import router as agents_router
from backend.deals.documents_router import router as documents_router
from backend.deals.interests_router import router as interests_router
from backend.deals.money_router import router as money_router
from backend.deals.router import router as deals_router

DEAL_ROUTERS: tuple[APIRouter, ...] = (interests_router, deals_router, money_router, documents_router, agents_router)
