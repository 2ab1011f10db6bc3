"""The app's routes, enumerated from the app itself so a new route is covered automatically."""

import re
from dataclasses import dataclass
from typing import Any

from fastapi.routing import iter_route_contexts

PARAM = re.compile(r"\{([a-z_]+)(?::[a-z]+)?\}")


@dataclass(frozen=True)
class RouteInfo:
    method: str
    path: str  # as routed, with convertors: /api/outputs/{listing_id:int}

    @property
    def template(self) -> str:
        """The path as OpenAPI shows it: /api/outputs/{listing_id}."""
        return PARAM.sub(lambda m: "{" + m.group(1) + "}", self.path)

    @property
    def params(self) -> list[str]:
        return PARAM.findall(self.path)

    def url(self, values: dict[str, Any]) -> str:
        return PARAM.sub(lambda m: str(values[m.group(1)]), self.path)


FRAMEWORK_PATHS = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}


def app_routes(app: Any) -> list[RouteInfo]:
    routes = []
    for context in iter_route_contexts(app.routes):
        if not context.path or not context.methods or context.path in FRAMEWORK_PATHS:
            continue
        routes += [RouteInfo(m, context.path) for m in sorted(context.methods) if m != "HEAD"]
    return routes
