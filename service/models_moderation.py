"""Tables of the moderator interface: server-side login sessions (revocable at logout)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from service.models import AuditEvent, Base, Report, Submission, UTCDateTime, utcnow


class WebSession(Base):
    """One browser login. The cookie carries a random token; only its SHA-256 is stored here."""

    __tablename__ = "web_sessions"
    __table_args__ = (Index("ix_web_sessions_user", "user_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ip: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # Kept as an int so that "log out everywhere" is a single UPDATE per user later.
    revoked: Mapped[int] = mapped_column(Integer, default=0)


# Indexes the review queues need on the core tables (created by migration 0002); declared here so
# that the metadata Alembic compares against matches the migrated schema.
Index("ix_submissions_queue", Submission.site_id, Submission.status, Submission.created_at, Submission.id)
Index("ix_submissions_status_keyset", Submission.status, Submission.created_at, Submission.id)
Index("ix_submissions_site_created", Submission.site_id, Submission.created_at, Submission.id)
Index("ix_submissions_reasons", Submission.site_id, Submission.status, Submission.reason_codes)
Index("ix_reports_open", Report.resolved, Report.submission_id)
Index("ix_audit_site_id", AuditEvent.site_id, AuditEvent.id)
