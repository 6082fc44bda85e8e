"""Server-rendered SVG charts for the moderation dashboard (no JavaScript, every label escaped)."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape

# Colours chosen to stay distinguishable for the common colour-vision deficiencies.
ACTION_COLOURS = {"approve": "#1d70b8", "reject": "#d4351c", "remove": "#6f2c91", "restore": "#00703c"}
ACTION_ORDER = ("approve", "reject", "remove", "restore")


def _legend(x: float, y: float) -> list[str]:
    parts = []
    for i, action in enumerate(ACTION_ORDER):
        lx = x + i * 95
        parts.append(f'<rect x="{lx}" y="{y - 10}" width="12" height="12" fill="{ACTION_COLOURS[action]}"/>')
        parts.append(f'<text x="{lx + 16}" y="{y}" font-size="12">{action}</text>')
    return parts


def daily_chart(by_day: list[tuple[date, dict[str, int]]], title: str, width: int = 640,
                height: int = 220) -> Markup:
    """Stacked bars: moderator decisions per day, split by action."""
    left, top, bottom = 36, 28, 30
    plot_h = height - top - bottom
    peak = max((sum(v.values()) for _, v in by_day), default=0) or 1
    step = (width - left - 8) / max(1, len(by_day))
    bar_w = max(2.0, step - 3)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-labelledby="c-daily-t"><title id="c-daily-t">{escape(title)}</title>']
    parts += _legend(left, 14)
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 4}" y2="{top + plot_h}" stroke="#505a5f"/>')
    parts.append(f'<text x="{left - 4}" y="{top + 4}" font-size="11" text-anchor="end">{peak}</text>')
    parts.append(f'<text x="{left - 4}" y="{top + plot_h}" font-size="11" text-anchor="end">0</text>')
    for i, (day, counts) in enumerate(by_day):
        x = left + i * step + 1
        y = float(top + plot_h)
        for action in ACTION_ORDER:
            n = counts.get(action, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="{ACTION_COLOURS[action]}">'
                         f'<title>{escape(day.isoformat())}: {n} {action}</title></rect>')
        if i % 5 == 0 or i == len(by_day) - 1:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - 10}" font-size="10" '
                         f'text-anchor="middle">{escape(day.strftime("%d %b"))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def reason_chart(by_reason: dict[str, dict[str, int]], labels: dict[str, str], title: str,
                 width: int = 640) -> Markup:
    """Horizontal stacked bars: decisions per reason the item was held for, split by action."""
    row_h, left, top = 26, 170, 28
    rows = list(by_reason.items())
    height = top + row_h * max(1, len(rows)) + 10
    peak = max((sum(v.values()) for _, v in rows), default=0) or 1
    plot_w = width - left - 50
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-labelledby="c-reason-t">'
             f'<title id="c-reason-t">{escape(title)}</title>']
    parts += _legend(left, 14)
    if not rows:
        parts.append(f'<text x="{left}" y="{top + 16}" font-size="13">No decisions in this period.</text>')
    for i, (code, counts) in enumerate(rows):
        y = top + i * row_h
        parts.append(f'<text x="{left - 8}" y="{y + 16}" font-size="12" text-anchor="end">'
                     f'{escape(labels.get(code, code))}</text>')
        x = float(left)
        for action in ACTION_ORDER:
            n = counts.get(action, 0)
            if not n:
                continue
            w = plot_w * n / peak
            parts.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
                         f'fill="{ACTION_COLOURS[action]}"><title>{escape(labels.get(code, code))}: '
                         f'{n} {action}</title></rect>')
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 16}" font-size="12">{sum(counts.values())}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
