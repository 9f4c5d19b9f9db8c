"""Offline charts for the debrief and calibration pages: small inline SVG bar charts that carry
their own title and description, always shown beside a table with the same figures."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

WIDTH, BAR, GAP, LABEL = 520, 18, 8, 170


def bars_svg(
    items: Sequence[tuple[str, float | None]],
    *,
    low: float,
    high: float,
    title: str,
    unit: str = "",
) -> str:
    """Horizontal bars from a zero line between `low` and `high` (a diverging chart when `low`
    is negative). Missing values are drawn as "-" with no bar. Returns safe SVG markup."""
    plot = WIDTH - LABEL - 60
    zero = LABEL + plot * (0 - low) / (high - low)
    height = max(1, len(items)) * (BAR + GAP) + GAP + 16
    sign = "+" if low < 0 else ""  # signed figures only on a chart with a negative side
    desc = "; ".join(
        f"{label}: {'not enough ratings' if v is None else f'{v:{sign}.2f}{unit}'}"
        for label, v in items
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {WIDTH} '
        f'{height}" width="100%" aria-label="{escape(title, {chr(34): "&quot;"})}">',
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>",
        f'<line x1="{zero:.1f}" y1="0" x2="{zero:.1f}" y2="{height - 16}" stroke="#4a5563"/>',
    ]
    for row, (label, value) in enumerate(items):
        y = GAP + row * (BAR + GAP)
        parts.append(
            f'<text x="{LABEL - 6}" y="{y + BAR - 5}" text-anchor="end" font-size="12" '
            f'fill="#1f2933">{escape(label)}</text>'
        )
        if value is None:
            parts.append(f'<text x="{zero + 4:.1f}" y="{y + BAR - 5}" font-size="12">-</text>')
            continue
        clipped = min(max(value, low), high)
        end = LABEL + plot * (clipped - low) / (high - low)
        x, w = min(zero, end), abs(end - zero)
        colour = "#1d6fa5" if value >= 0 else "#b3541e"
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="{max(w, 1):.1f}" height="{BAR}" fill="{colour}"/>'
        )
        parts.append(
            f'<text x="{max(zero, end) + 4:.1f}" y="{y + BAR - 5}" font-size="12" '
            f'fill="#1f2933">{value:{sign}.2f}{escape(unit)}</text>'
        )
    axis_y = height - 4
    parts.append(
        f'<text x="{LABEL}" y="{axis_y}" font-size="11" fill="#4a5563">{low:{sign}g}</text>'
        f'<text x="{LABEL + plot}" y="{axis_y}" font-size="11" fill="#4a5563" '
        f'text-anchor="end">{high:{sign}g}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
