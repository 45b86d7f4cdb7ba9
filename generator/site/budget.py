"""The size budget: what the published site weighs, and whether it fits where it goes.

GitHub Pages publishes at most 1 GB per site, and git refuses files over 100 MiB; both limits
live in `settings.limits`. The budget weighs the folder MkDocs built — HTML, theme assets,
search index, feed, open data and media, exactly what is uploaded — before it is swapped in
for the previous site (`site_files`); renditions alone are weighed earlier, so a site whose
media is already too heavy stops before MkDocs runs (`media_files`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import BudgetError, inert
from ..media.renditions import MediaIndex
from ..messages import Message
from ..settings import LimitSettings, Settings
from ..sizes import format_bytes

LARGEST_SHOWN = 10


@dataclass(frozen=True)
class BudgetReport:
    """The site's weight for the build summary."""

    total_bytes: int
    files: int
    largest: tuple[tuple[str, int], ...]  # (site path, bytes), largest first

    def summary(self) -> str:
        """A few lines for the end of a build."""
        lines = [f"site size: {format_bytes(self.total_bytes)} in {self.files} files"]
        lines += [f"  {format_bytes(size):>10}  {path}" for path, size in self.largest]
        return "\n".join(lines)


def check_budget(
    files: Iterable[tuple[str, int]],
    limits: LimitSettings,
    *,
    largest: int = LARGEST_SHOWN,
    subject: Message | None = None,
) -> BudgetReport:
    """Add up the site's files and fail if the site or any one file is over its limit.

    `subject` names what the files are in the message (`the media alone` for the renditions
    weighed before the site is built).

    Args:
        files: (path in the site, size in bytes) of every file that will be published.

    Raises:
        BudgetError: naming every file over the per-file limit, or the total over the site
            limit with the largest files (where cutting helps most).
    """
    sized = sorted(files, key=lambda item: (-item[1], item[0]))
    total = sum(size for _, size in sized)
    report = BudgetReport(total_bytes=total, files=len(sized), largest=tuple(sized[:largest]))
    too_big = [(path, size) for path, size in sized if size > limits.file_bytes]
    files_over: Message | str = ""
    site_over: Message | str = ""
    if too_big:
        files_over = Message(
            "budget.files_over",
            count=len(too_big),
            limit=format_bytes(limits.file_bytes),
            listed=_listed(too_big),
        )
    if total > limits.site_bytes:
        site_over = Message(
            "budget.site_over",
            subject=subject or Message("budget.subject_site"),
            total=format_bytes(total),
            limit=format_bytes(limits.site_bytes),
            listed=_listed(report.largest),
        )
    if files_over or site_over:
        raise BudgetError(Message("budget.remedy", files=files_over, site=site_over))
    return report


def _listed(files: Iterable[tuple[str, int]]) -> str:
    return "\n".join(f"  {inert(path)}: {format_bytes(size)}" for path, size in files)


def media_files(index: MediaIndex, settings: Settings) -> list[tuple[str, int]]:
    """The renditions the site itself publishes, as (site path, bytes), each file once.

    With `media_base_url` (and `media_store`) the renditions are published elsewhere and
    count for nothing here: the budget weighs the pages only.
    """
    if settings.media_base_url or settings.media_store:
        return []
    seen: dict[str, int] = {}
    for clip in index.clips.values():
        for rendition in clip.renditions:
            seen[rendition.url_path] = rendition.size_bytes
    return sorted(seen.items())


def site_files(folder: Path) -> list[tuple[str, int]]:
    """Every file under a built site folder, as (site path, bytes), sorted by path.

    Links to folders are not followed (nothing the builder writes is one); a file is weighed
    by what a copy of it would hold.
    """
    found: list[tuple[str, int]] = []
    for here, folders, files in os.walk(folder):
        folders.sort()
        base = Path(here)
        for name in files:
            path = base / name
            found.append((path.relative_to(folder).as_posix(), path.stat().st_size))
    return sorted(found)
