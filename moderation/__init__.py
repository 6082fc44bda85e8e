"""Safeguard: scoring and policy, pure functions on plain values (no web, no database)."""
