"""Per-client rate limits: token bucket in memory, fixed window in Redis when processes share it."""

from __future__ import annotations

import hashlib
import hmac
import math
import time
from typing import Any


def client_hash(secret: str, ip: str) -> str:
    """Client identity is only ever stored as a salted hash of its address."""
    return hmac.new(secret.encode(), ip.encode(), hashlib.sha256).hexdigest()[:32]


class MemoryRateLimiter:
    def __init__(self, per_minute: int, burst: int) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}

    async def hit(self, key: str) -> float:
        """Take one token; returns 0 when allowed, else the seconds to wait before retrying."""
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        tokens, last = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens >= 1:
            self._buckets[key] = (tokens - 1, now)
            if len(self._buckets) > 100_000:
                self._buckets.clear()
            return 0.0
        self._buckets[key] = (tokens, now)
        return (1 - tokens) / self.rate


class RedisRateLimiter:
    def __init__(self, redis: Any, per_minute: int, burst: int) -> None:
        self.redis = redis
        self.limit = per_minute + burst
        self.enabled = per_minute > 0

    async def hit(self, key: str) -> float:
        if not self.enabled:
            return 0.0
        window = int(time.time() // 60)
        rkey = f"safeguard:rl:{key}:{window}"
        count = await self.redis.incr(rkey)
        if count == 1:
            await self.redis.expire(rkey, 61)
        if count > self.limit:
            return max(1.0, math.ceil((window + 1) * 60 - time.time()))
        return 0.0
