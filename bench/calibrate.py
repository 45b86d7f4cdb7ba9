"""How fast this machine runs Python, so that figures taken on other machines can be weighed."""

from __future__ import annotations

import time


def python_speed() -> float:
    """CPU seconds of a fixed pure-Python workload (10⁷ additions in a loop).

    The machines these benchmarks run on are shared and differ: the same build has taken
    twice as long from one day to the next. The ratios the targets are written in hold
    across machines; absolute seconds should be read next to this figure.
    """
    start = time.process_time()
    total = 0
    for number in range(10_000_000):
        total += number
    return time.process_time() - start
