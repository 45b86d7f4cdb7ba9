"""The site stage: the staging docs folder, the derived mkdocs.yml, MkDocs, preview and deploy.

`staging` lays the writer's pages, the generated pages and the media into one docs folder in
the cache folder (`cachefolder`); `config` derives the mkdocs.yml MkDocs builds from;
`livestaging` keeps the preview's copy up to date file by file;
`builder` runs MkDocs, `incremental` keeps it loaded and rebuilds only changed pages (one
page's work in `pagework`, in the order `renderqueue` gives), and `preview` serves through
MkDocs' live-reload server (the modules that import MkDocs; every private name of MkDocs and
Material they need is in `mkdocs_internals`, which checks the installed versions);
`cardfiles` stages a link-preview card for each page without a poster (drawn by
`sharecards`); `search` adds Korean subwords to the index; `budget` weighs the result;
`deploy` pushes it to a gh-pages branch; `ranges` answers HTTP `Range` in the preview and
serves a built site with them (`serve_built_site`). With `media_store`, `manifest` records
what the pages load from the store, `push` uploads and verifies it (and finds what no page
needs), through `store`, the only module that imports boto3.

Public face: `build_site`, `CardFiles`, `serve_site` (with `Regenerated`), `LiveStaging`,
`source_date_epoch`, `write_staging`, `write_media_folder`, `writer_files`,
`make_cache_folder`, `hold_cache_folder`, `check_budget`, `site_files`, `deploy_gh_pages`,
`serve_built_site`, `push_media`, `unreferenced`, `delete_objects`, `read_manifest`.
"""

from __future__ import annotations

from .budget import BudgetReport, check_budget, media_files, site_files
from .builder import build_site, source_date_epoch
from .cachefolder import hold_cache_folder, make_cache_folder
from .cardfiles import CardFiles
from .deploy import deploy_gh_pages
from .livestaging import LiveStaging, StagingChanges
from .manifest import MediaManifest, media_manifest, read_manifest, referenced_media, write_manifest
from .preview import Regenerated, serve_site
from .push import PushReport, delete_objects, push_media, unreferenced
from .ranges import serve_built_site
from .staging import write_media_folder, write_staging, writer_files
from .store import StoredObject

__all__ = [
    "BudgetReport",
    "CardFiles",
    "LiveStaging",
    "MediaManifest",
    "PushReport",
    "Regenerated",
    "StagingChanges",
    "StoredObject",
    "build_site",
    "check_budget",
    "delete_objects",
    "deploy_gh_pages",
    "hold_cache_folder",
    "make_cache_folder",
    "media_files",
    "media_manifest",
    "push_media",
    "read_manifest",
    "referenced_media",
    "serve_built_site",
    "serve_site",
    "site_files",
    "source_date_epoch",
    "unreferenced",
    "write_manifest",
    "write_media_folder",
    "write_staging",
    "writer_files",
]
