"""A comparison read as a review: its title, its rounds, the result box, what changed.

A comparison page and the front page's lead story both lead with the answer: who delivered best
on the writer's scores, who was fastest against the promise, who never delivered. When the
prompt was re-sent later (`model.comparison_rounds`), the attempts are told round by round and
each service that took part in several rounds gets one line of what changed between them.
"""

from __future__ import annotations

import re

from ..model import Comparison, Entry, Status
from ..rounds import comparison_rounds
from .context import PageContext
from .render import macros
from .stats import entry_average

TITLE_LIMIT = 60
"""Length of the prompt's opening words when a comparison has no title of its own."""

_SEPARATOR = re.compile(r"\s+[—–\-:·|/(]\s*|[,:]\s+")
"""Where an entry's title goes on from the comparison's name to its own ("— Kling")."""


def comparison_title(ctx: PageContext, comparison: Comparison) -> str:
    """The comparison's title: the experiment's (entries/experiments.yml), else the title its
    entries share ("금빛 불꽃이 사람으로" of "… — Kling" and "… — Sora"), else the prompt's
    opening words."""
    key = comparison.experiment
    experiment = ctx.magazine.experiments.get(key) if key else None
    if experiment is not None:
        title = experiment.title_for(ctx.labels.language)
        if title:
            return title
    shared = shared_title([e.title for e in comparison.entries])
    if shared:
        return shared
    flat = " ".join(comparison.prompt.split())
    return flat if len(flat) <= TITLE_LIMIT else flat[: TITLE_LIMIT - 1].rstrip(" .,;:") + "…"


def shared_title(titles: list[str]) -> str | None:
    """What every title starts with, up to where one of them goes on after a separator
    (a dash, a colon, a parenthesis); None when they share no such start."""
    flat = [" ".join(t.split()) for t in titles]
    if not flat:
        return None
    if len(set(flat)) == 1:
        return flat[0]
    common = flat[0]
    for title in flat[1:]:
        while not title.startswith(common):
            common = common[:-1]
    # The shared part must end where every title is cut by a separator (or ends).
    cuts = []
    for title in flat:
        rest = title[len(common) :]
        head = common
        if rest and not _SEPARATOR.match(rest):
            found = [m.start() for m in _SEPARATOR.finditer(common)]
            if not found:
                return None
            head = common[: found[-1]]
        cuts.append(len(head))
    name = common[: min(cuts)].strip()
    return name if len(name) >= 2 else None


def latest_attempts(comparison: Comparison) -> list[Entry]:
    """Each service's latest attempt, in the order services first appear."""
    latest: dict[str, Entry] = {}
    for entry in comparison.entries:  # oldest first
        latest[entry.service] = entry
    return list(latest.values())


def rounds_line(ctx: PageContext, comparison: Comparison) -> str:
    """The date of the comparison (`2025년 1월 3일`), or its rounds and their dates
    (`3회차: 2025년 1월 3일 · 2025년 4월 14일 · …`)."""
    rounds = comparison_rounds(comparison)
    spans = [_span(ctx, r) for r in rounds]
    if len(rounds) == 1:
        return spans[0]
    return ctx.labels.rounds_line.format(count=len(rounds), dates=" · ".join(spans))


def round_heading(ctx: PageContext, number: int, entries: tuple[Entry, ...]) -> str:
    """`2회차 · 2025년 4월 14일 – 2025년 5월 10일`."""
    return f"{ctx.labels.round_name.format(number=number)} · {_span(ctx, entries)}"


def _span(ctx: PageContext, entries: tuple[Entry, ...]) -> str:
    first, last = ctx.day(entries[0].submitted_at), ctx.day(entries[-1].submitted_at)
    return first if first == last else f"{first} – {last}"


def round_changes(ctx: PageContext, comparison: Comparison) -> list[str]:
    """One line per service that took part in more than one round: its attempts, round by
    round ("Kling: 2일 동안 오지 않음 → 35분 만에 도착"), and how its mean score moved."""
    rounds = comparison_rounds(comparison)
    if len(rounds) < 2:
        return []
    lines = []
    for service in comparison.services:
        steps = [
            [e for e in r if e.service == service][-1]
            for r in rounds
            if any(e.service == service for e in r)
        ]
        if len(steps) < 2:
            continue
        name = ctx.groups.service(service).name
        line = f"{name}: {' → '.join(_steps(ctx, steps))}"
        before, after = entry_average(steps[0]), entry_average(steps[-1])
        if before is not None and after is not None:
            L = ctx.labels
            moved = L.mean_change.format(before=f"{before:.1f}", after=f"{after:.1f}")
            if round(after, 1) != round(before, 1):
                moved += f" ({L.went_up if after > before else L.went_down})"
            line += f" · {moved}"
        lines.append(line)
    return lines


def _steps(ctx: PageContext, attempts: list[Entry]) -> list[str]:
    L = ctx.labels
    waits = [e.wait for e in attempts]
    if all(e.status is Status.DELIVERED for e in attempts) and all(waits):
        return [L.duration(w.duration) for w in waits if w is not None]
    steps = []
    for entry, wait in zip(attempts, waits, strict=True):
        if wait is None:
            steps.append(ctx.wait_compact(entry))
        elif entry.status is Status.DELIVERED:
            steps.append(L.delivered_in.format(wait=L.duration(wait.duration)))
        elif entry.status.open:
            steps.append(L.nothing_after.format(wait=L.duration(wait.duration)))
        else:
            steps.append(ctx.wait_compact(entry))
    return steps


def result_items(ctx: PageContext, comparison: Comparison) -> list[dict[str, str]]:
    """The result box's lines: best on the scores, fastest against the promise, never
    delivered (each only when it says something)."""
    L = ctx.labels
    rounds = len(comparison_rounds(comparison)) > 1
    delivered = [e for e in comparison.entries if e.status is Status.DELIVERED]
    items = []
    scored = [(a, e) for e in delivered if (a := entry_average(e)) is not None]
    if scored:
        top = max(round(a, 1) for a, _ in scored)
        scale = max((c.scale for c in ctx.magazine.criteria), default=5)
        names = [_who(ctx, e, rounds) for a, e in scored if round(a, 1) == top]
        items.append({"label": L.result_best, "value": f"{', '.join(names)} · {top:.1f} / {scale}"})
    elif delivered:
        items.append({"label": L.result_best, "value": L.result_unrated})
    timed = [(w.ratio, e) for e in delivered if (w := e.wait) is not None and w.ratio is not None]
    if timed:
        ratio, fastest = min(timed, key=lambda pair: (pair[0], pair[1].submitted_at))
        wait = fastest.wait
        assert wait is not None  # chosen for its ratio
        items.append(
            {
                "label": L.result_fastest,
                "value": f"{_who(ctx, fastest, rounds)} · {L.duration(wait.duration)} · "
                f"{L.times_promise.format(ratio=L.ratio(ratio))}",
            }
        )
    answered = {e.service for e in delivered}
    never = [e for e in latest_attempts(comparison) if e.service not in answered]
    value = (
        "; ".join(f"{_who(ctx, e, False)} · {ctx.wait_text(e, flat=True)}" for e in never)
        if never
        else L.result_everyone
    )
    items.append({"label": L.result_never, "value": value})
    return items


def _who(ctx: PageContext, entry: Entry, rounds: bool) -> str:
    """The service's name; with rounds, the day of the attempt too (a service may have
    answered in one round and not another)."""
    name = ctx.groups.service(entry.service).name
    return f"{name} ({ctx.day(entry.submitted_at)})" if rounds else name


def result_box(ctx: PageContext, comparison: Comparison) -> str:
    """The result box as one line of HTML."""
    return str(macros("review").result(ctx.labels.result, result_items(ctx, comparison)))
