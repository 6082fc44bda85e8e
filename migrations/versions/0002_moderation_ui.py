"""moderation ui: login sessions and indexes for keyset-paged review queues

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=True),
        sa.Column("revoked", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.create_index("ix_web_sessions_user", ["user_id"], unique=False)
    # Queue pages walk (site, status) in (created_at, id) order: with id in the index a keyset
    # page is one index range scan, whatever the page number.
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.create_index("ix_submissions_queue", ["site_id", "status", "created_at", "id"], unique=False)
        batch_op.create_index("ix_submissions_status_keyset", ["status", "created_at", "id"], unique=False)
        batch_op.create_index("ix_submissions_site_created", ["site_id", "created_at", "id"], unique=False)
        # Held counts per reason are read from this index alone (no table rows), exactly.
        batch_op.create_index("ix_submissions_reasons", ["site_id", "status", "reason_codes"], unique=False)
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_site_id", ["site_id", "id"], unique=False)
    # Open reports are few among many published items: the reported queue starts from them.
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index("ix_reports_open", ["resolved", "submission_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index("ix_reports_open")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_site_id")
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.drop_index("ix_submissions_reasons")
        batch_op.drop_index("ix_submissions_site_created")
        batch_op.drop_index("ix_submissions_status_keyset")
        batch_op.drop_index("ix_submissions_queue")
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_web_sessions_user")
    op.drop_table("web_sessions")
