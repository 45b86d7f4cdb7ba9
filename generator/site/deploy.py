"""Publishing a built site to a gh-pages branch with ghp-import (what `mkdocs gh-deploy` uses).

GitHub's own Pages workflow (`.github/workflows/publish.yml`) is the recommended way; this is
for magazines published from a branch. The branch gets a `.nojekyll` file, so GitHub serves
files whose names start with `_` instead of handing them to Jekyll.
"""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path

import ghp_import  # type: ignore[import-untyped]

from ..errors import SiteError
from ..messages import Message

# ghp-import runs git in the current folder; the change is process-wide.
_CWD_LOCK = threading.Lock()


def deploy_gh_pages(
    site_dir: Path,
    root: Path,
    *,
    remote: str = "origin",
    branch: str = "gh-pages",
    message: str = "Publish the magazine",
    push: bool = True,
) -> None:
    """Commit `site_dir` as the whole content of `branch` in the repository at `root`, and push.

    The branch continues from the remote's copy when there is one, so its history is kept.

    Raises:
        SiteError: `site_dir` is not a built site, `root` is not a git repository, or git
            refused to commit or push (git prints its own reason on stderr).
    """
    site_dir = site_dir.resolve()
    if not (site_dir / "index.html").is_file():
        raise SiteError(Message("site.no_built", site=str(site_dir)))
    with _CWD_LOCK:
        cwd = os.getcwd()
        os.chdir(root)
        try:
            _fetch(remote, branch)
            ghp_import.ghp_import(
                str(site_dir),
                mesg=message,
                remote=remote,
                branch=branch,
                push=push,
                nojekyll=True,
            )
        except ghp_import.GhpError as exc:
            raise SiteError(
                Message("site.publish_failed", branch=branch, reason=exc.message)
            ) from exc
        except subprocess.CalledProcessError as exc:
            command = " ".join(map(str, exc.cmd))
            failed = Message("site.command_failed", command=command, code=exc.returncode)
            raise SiteError(Message("site.publish_failed", branch=branch, reason=failed)) from exc
        finally:
            os.chdir(cwd)


def _fetch(remote: str, branch: str) -> None:
    # ghp-import builds on `<remote>/<branch>` as this clone last saw it; refresh that first.
    # A missing branch (first publication) or remote is fine here: the push will tell.
    subprocess.run(
        ["git", "fetch", "--quiet", remote, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}"],
        capture_output=True,
        check=False,
    )
