"""Owner admin: the JSON API under /api/v1/admin/ and the pages under /admin/, plus startup wiring."""

from __future__ import annotations

from typing import Any

from starlette.routing import BaseRoute

from service import admin_openapi
from service.routes import admin_api, admin_ops, admin_ui


def _routes() -> list[BaseRoute]:
    return [*admin_api.site_routes(), *admin_ops.ops_routes(), *admin_ui.ui_routes()]


routes: list[BaseRoute] = _routes()
admin_openapi.register()


async def on_startup(state: Any) -> None:
    """Wire decisions and reports to webhooks and e-mail, and start the outbox loop (app or arq ctx)."""
    from service.admin_runtime import start

    await start(state)
