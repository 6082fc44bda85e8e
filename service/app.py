"""create_app(settings) -> Starlette: resources are built in the lifespan, never at import."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from service.cache import Invalidator, PageCache
from service.db import make_engine, make_sessionmaker
from service.directory import Directory
from service.pipeline import Pipeline
from service.queue import ArqQueue, InProcessQueue, Queue, Sweeper
from service.ratelimit import MemoryRateLimiter, RedisRateLimiter
from service.routes import public
from service.settings import Settings
from service.state import AppState

log = logging.getLogger("safeguard")
HERE = Path(__file__).parent
TEMPLATES_DIR = HERE / "templates"
WIDGETS_DIR = HERE.parent / "widgets"



def load_moderator(settings: Settings) -> Any:
    from moderation.assess import build_moderator

    moderator = build_moderator(
        settings.toxicity_backend,
        model=settings.detoxify_model,
        checkpoint=settings.detoxify_checkpoint,
        config_dir=settings.detoxify_config_dir,
    )
    # load_scorer has already logged which toxicity backend is active and why.
    log.info("learned text models: %s", moderator.learned)
    return moderator


class Counter:
    """Requests in flight and when the last one started (a flood has gaps between requests)."""

    count = 0
    last_start = 0.0

    def busy(self, quiet: float = 0.05) -> bool:
        return self.count > 0 or time.monotonic() - self.last_start < quiet


class InFlight:
    """Counts HTTP requests in progress, so the in-process worker can let them go first."""

    def __init__(self, app: Any, counter: Counter) -> None:
        self.app = app
        self.counter = counter

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.counter.count += 1
        self.counter.last_start = time.monotonic()
        try:
            await self.app(scope, receive, send)
        finally:
            self.counter.count -= 1


class LazyModerator:
    """A serve process that only enqueues to arq loads the model the first time it needs it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._moderator: Any = None

    def _get(self) -> Any:
        if self._moderator is None:
            self._moderator = load_moderator(self.settings)
        return self._moderator

    def assess_batch(self, texts: Any) -> Any:
        return self._get().assess_batch(texts)

    @property
    def toxicity(self) -> Any:
        return self._get().toxicity


async def home(request: Request) -> Response:
    st: AppState = request.app.state.safeguard
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "index.html", {"settings": st.settings, "demo_site": "demo", "demo_article": "welcome",
                                "demo_consultation": "children-in-care-call-for-evidence"}
    )


async def openapi(request: Request) -> Response:
    from service.openapi import build_spec

    return JSONResponse(build_spec(request.app.state.safeguard.settings))


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"error": "http_error", "message": exc.detail}, status_code=exc.status_code)
    return Response(str(exc.detail), status_code=exc.status_code, media_type="text/plain")


async def server_error(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return JSONResponse({"error": "server_error",
                         "message": "Something went wrong on our side; nothing you sent was lost. Try again."},
                        status_code=500)


def create_app(
    settings: Settings | None = None,
    *,
    moderator: Any = None,
    start_queue: bool = True,
    extra_routes: list[BaseRoute] | None = None,
) -> Starlette:
    settings = settings or Settings.from_environ()
    inflight = Counter()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        engine = make_engine(settings)
        sessionmaker = make_sessionmaker(engine)
        cache = PageCache(ttl=settings.page_cache_seconds)
        invalidator = Invalidator(cache, settings.redis_url)
        await invalidator.start()
        mod = moderator
        if mod is None:
            mod = LazyModerator(settings) if settings.redis_url else load_moderator(settings)
        pipeline = Pipeline(sessionmaker, mod, on_published=invalidator.published,
                            dialect=engine.dialect.name)
        queue: Queue
        redis = None
        if settings.redis_url:
            queue = ArqQueue(settings.redis_url)
            from redis.asyncio import Redis

            redis = Redis.from_url(settings.redis_url)
            limiter: Any = RedisRateLimiter(redis, settings.rate_limit_per_minute, settings.rate_limit_burst)
        else:
            queue = InProcessQueue(pipeline, batch_size=settings.batch_size,
                                   batch_wait_ms=settings.batch_wait_ms,
                                   busy=inflight.busy,
                                   max_defer=settings.worker_max_defer_seconds)
            limiter = MemoryRateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)
        sweeper = Sweeper(pipeline, queue, grace=settings.sweeper_grace_seconds,
                          interval=settings.sweeper_interval_seconds)
        if start_queue:
            await queue.start()
            if not settings.redis_url:
                # With arq the workers sweep; in-process, serve is the worker and sweeps too.
                sweeper.start()
                # Anything left received by a crash before this start is picked up straight away.
                await queue.enqueue(await pipeline.stale_received(0))
        scorer = getattr(mod, "toxicity", None) if not isinstance(mod, LazyModerator) else None
        state = AppState(
            settings=settings,
            engine=engine,
            sessionmaker=sessionmaker,
            directory=Directory(sessionmaker),
            cache=cache,
            invalidator=invalidator,
            pipeline=pipeline,
            queue=queue,
            limiter=limiter,
            queue_kind="arq" if settings.redis_url else "in-process",
            scorer_name=getattr(scorer, "name", "lazy"),
        )
        state.extras["sweeper"] = sweeper
        app.state.safeguard = state
        for hook in getattr(app.state, "startup_hooks", []):
            await hook(state)
        try:
            yield
        finally:
            for stop in state.extras.get("shutdown_hooks", []):
                await stop()
            await sweeper.stop()
            if start_queue:
                await queue.stop()
            await invalidator.stop()
            if redis is not None:
                await redis.aclose()
            await engine.dispose()

    routes: list[BaseRoute] = [
        Route("/", home, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        *public.routes,
        *(extra_routes or []),
    ]
    for feature in _features():
        routes.extend(feature.routes)
    if WIDGETS_DIR.is_dir():
        from starlette.routing import Mount

        routes.append(Mount("/widgets", app=StaticFiles(directory=WIDGETS_DIR), name="widgets"))
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={HTTPException: http_error, Exception: server_error},
        middleware=[Middleware(InFlight, counter=inflight)],
    )
    app.state.templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    app.state.startup_hooks = feature_startup_hooks()
    return app


FEATURE_MODULES = ("service.routes.moderator", "service.routes.admin", "service.routes.widget")


def _features() -> list[Any]:
    import importlib

    return [importlib.import_module(name) for name in FEATURE_MODULES]


def feature_startup_hooks() -> list[Callable[[Any], Any]]:
    """`on_startup(state)` of the feature modules that define one (the arq worker calls them too)."""
    return [m.on_startup for m in _features() if callable(getattr(m, "on_startup", None))]
