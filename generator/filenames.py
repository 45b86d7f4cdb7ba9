"""File and folder names that Windows, macOS and Linux can all hold.

A magazine is a folder in git: a name that Linux accepts but Windows cannot hold (`con`,
`aux.yml`, `a:b.mp4`, `draft.`) makes the repository impossible to clone or build on the
writer's Windows PC, and a page address made from such a name (`trials/nul/index.html`) makes
the site impossible to build there. `name_problem` says which of Windows' rules a name breaks;
the source stage reports it at the file or field that chose the name, and the pages stage
refuses to generate such an address at all.
"""

from __future__ import annotations

import re

from .messages import Message

DEVICES = ("CON", "PRN", "AUX", "NUL", "COM0-COM9", "LPT0-LPT9")
"""The names Windows keeps for devices, in any case and with any extension (`nul.txt`)."""

_DEVICE = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$")
_FORBIDDEN = '<>:"/\\|?*'


def name_problem(name: str) -> Message | None:
    """Why Windows cannot hold `name` as a file or folder name, or None when it can.

    The message names the rule, so that the writer knows what to change.
    """
    bad = sorted({char for char in name if char in _FORBIDDEN or ord(char) < 0x20})
    if bad:
        shown = " ".join(repr(char) for char in bad)
        return Message("name.forbidden", name=repr(name), chars=shown)
    base = name.split(".", 1)[0].rstrip(" ")
    if _DEVICE.match(base.casefold()):
        return Message("name.device", name=repr(name), devices=", ".join(DEVICES))
    if name.endswith((".", " ")) and name not in (".", ".."):
        return Message("name.trailing", name=repr(name))
    return None


def path_problem(path: str) -> Message | None:
    """`name_problem` of the first name in a `/`-separated relative path that has one."""
    for part in path.split("/"):
        if part in ("", ".", ".."):
            continue
        found = name_problem(part)
        if found is not None:
            return found
    return None
