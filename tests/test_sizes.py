"""Byte counts: one convention for the terminal, the size budget and the pages."""

from __future__ import annotations

from generator.sizes import format_bytes


def test_binary_units_everywhere() -> None:
    assert format_bytes(0) == "0 B"
    assert format_bytes(1023) == "1023 B"
    assert format_bytes(1024) == "1.0 KiB"
    assert format_bytes(12345) == "12.1 KiB"
    assert format_bytes(100 * 1024**2) == "100.0 MiB"
    assert format_bytes(3 * 1024**3) == "3.0 GiB"
    assert format_bytes(5 * 1024**4) == "5120.0 GiB"
