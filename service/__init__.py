"""Safeguard web service and worker."""
