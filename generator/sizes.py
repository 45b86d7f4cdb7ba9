"""Byte counts as people read them, in one convention everywhere: binary units (KiB, MiB, GiB).

Binary units because the limits that matter are stated in them (git refuses files over
100 MiB) and because the terminal, the size budget and the pages must agree on one figure.
"""

from __future__ import annotations


def format_bytes(count: float) -> str:
    """`512 B`, `19.5 KiB`, `3.2 MiB`, `1.0 GiB`."""
    value = float(count)
    for unit in ("B", "KiB", "MiB"):
        if abs(value) < 1024:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"
