"""Imports every feature's models so Alembic and tests see one complete metadata."""

from __future__ import annotations

import importlib

for _name in ("service.models_admin", "service.models_moderation"):
    try:
        importlib.import_module(_name)
    except ModuleNotFoundError as exc:
        if exc.name != _name:
            raise
