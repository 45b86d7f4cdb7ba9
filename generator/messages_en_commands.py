"""The English catalogue of what the commands say (see `messages`): their errors, what they
changed, their progress and summaries; `messages_en` holds the problems found in the writer's
files. The same keys and placeholders in both languages.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    # Errors of writing, the cache folder, the site and the media store
    "storage.cannot_write_file": (
        "cannot write {path}: {reason}; nothing was published, and the previous site and your "
        "files are unchanged"
    ),
    "storage.cannot_write": (
        "cannot write: {reason}; nothing was published, and the previous site and your files "
        "are unchanged"
    ),
    "busy.timeout": (
        "{who} is using {folder}/ and did not finish within {wait:g} s "
        "(extra.magazine.lock_wait); run this again when it has finished"
    ),
    "busy.waiting": "waiting for {who} to finish with {folder}/",
    "busy.someone": "another magazine command",
    "budget.files_over": (
        "{count} file(s) over the {limit} limit for one file (limits.file_bytes):\n{listed}\n"
    ),
    "budget.site_over": (
        "{subject} would weigh {total}, over the site's {limit} limit (limits.site_bytes); "
        "largest files:\n{listed}\n"
    ),
    "budget.subject_site": "the site",
    "budget.subject_media": "the media alone",
    "budget.remedy": (
        "{files}{site}lower media.max_height or raise media.crf, or serve media from another "
        "host (media_store and media_base_url)"
    ),
    "site.no_built": "{site}: no built site here (run `magazine build` first)",
    "site.publish_failed": "publishing to {branch} failed: {reason}",
    "site.command_failed": "`{command}` exited with {code}",
    "site.mkdocs_failed": "MkDocs could not build the site: {detail}{listed}",
    "site.config_entry": "mkdocs.yml: {section}: cannot read the entry {entry}",
    "site.config_list": "mkdocs.yml: {section}: must be a list or a mapping",
    "site.config_value": "mkdocs.yml: cannot carry a value of type {kind} over",
    "site.generated_twice": "two generated files share the path {path}",
    "site.generated_path": "generated path {path} must be a plain relative path inside the site",
    "site.generated_address": "two generated files share the address {path}",
    "site.generated_file": "the generated file {path}: {reason}",
    "usage.no_built_site": "no built site in {site}: run magazine build first",
    "store.not_set": "extra.magazine.media_store is not set in mkdocs.yml",
    "store.not_set_push": "extra.magazine.media_store is not set in mkdocs.yml: nothing to push",
    "store.wrong_object": "{where}: {problem}",
    "store.wrong_objects": "{where}: {problem} (and {more} more)",
    "store.missing_after": "missing from the store after the push",
    "store.wrong_size": "the store reports {found:,} bytes, but {sent:,} were sent ({size})",
    "store.wrong_type": (
        "type {found_type} and caching {found_cache}, expected {wanted_type} and {wanted_cache}"
    ),
    "store.gave_up": "{reason} (gave up after {tries})",
    "store.tries_one": "{count} attempt",
    "store.tries": "{count} attempts",
    "store.client": (
        "cannot set up the media store client ({kind}): check AWS_ENDPOINT_URL_S3, AWS_REGION "
        "and AWS_PROFILE"
    ),
    "store.no_credentials": (
        "no credentials for the media store: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
        "(or AWS_PROFILE) in the environment"
    ),
    "store.unreachable": "cannot reach the media store at {endpoint} to {what} {where}",
    "store.lost": (
        "the connection to the media store at {endpoint} was lost or timed out during: {what} "
        "{where}"
    ),
    "store.could_not": "{where}: could not {what} it ({kind})",
    "store.no_bucket": (
        "the bucket {bucket} does not exist at {endpoint} ({said}); create it, or correct "
        "media_store"
    ),
    "store.denied": (
        "the media store at {endpoint} refused to {what} {where} ({said}): check the "
        "credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or AWS_PROFILE) and that they "
        "may read and write this bucket"
    ),
    "store.failed": "the media store at {endpoint} failed to {what} {where} ({said})",
    "store.refused": "the media store at {endpoint} refused to {what} {where} ({said})",
    "store.do.reach_bucket": "reach the bucket",
    "store.do.look_up": "look up",
    "store.do.list": "list",
    "store.do.upload": "upload",
    "store.do.start_parts": "start a multipart upload of",
    "store.do.upload_part": "upload part {number} of",
    "store.do.finish_parts": "finish the multipart upload of",
    "store.do.abort_parts": "abort the multipart upload of",
    "store.do.delete": "delete",
    "store.other_store": (
        "the last build was made for another media_store; run `magazine build` first"
    ),
    "store.no_build": "no build has laid out media for {store} yet; run `magazine build` first",
    "store.manifest_unreadable": "{file} cannot be read; run `magazine build` first",
    "store.manifest_names": "{file} names {path}; run `magazine build` first",
    "store.cache_changed": (
        "{path} is missing from the cache or changed; run `magazine build` first"
    ),
    "store.unknown_media": "a page points at {address}, which no clip made",
    "store.no_content_type": "{path}: no content type is known for this kind of file",
    # The desk, init, the command lines and progress
    "desk.revise": (
        "the verdict and ratings were written while waiting: revise them now that the result is "
        "here."
    ),
    "desk.no_clips": "add what came back under clips: (--clip FILE or --url URL).",
    "desk.new": "new attempt: {path}",
    "desk.experiment": "kept in one comparison: experiment: {key}",
    "desk.none_yet": "none yet",
    "edit.has_problems": "{shown} has problems; fix them before editing it with a command:",
    "edit.not_an_entry": "{shown} is not an entry (a mapping of fields)",
    "edit.not_a_list": "{shown}: {key}: is not a list; make it one to add to it",
    "edit.flow_list": (
        "{shown}: {key}: is written on one line ([...]); write it as a list of `- ` lines to "
        "let a command add to it"
    ),
    "edit.not_read_back": (
        "{shown}: the edit would not read back as intended, so the file was left as it was; "
        "make the change by hand"
    ),
    "edit.changed_meanwhile": "{shown} changed while it was being edited; run it again",
    "edit.cannot_edit": "{shown}: cannot edit this file: {detail}",
    "edit.removed": "{key} removed",
    "text.list": "{first}, {next}",
    "init.lang": "--lang {value}: ko or en",
    "init.timezone": "--timezone {value}: use a zone name like Asia/Seoul",
    "init.title": "--title is empty or contains a control character",
    "init.file": "{folder} is a file, not a folder",
    "init.exists": (
        "{existing} exists: {folder} already holds a magazine (or the start of one); use "
        "another folder"
    ),
    "init.wrote": "wrote {path}",
    "init.kept": "kept your own {path} — {hint}",
    "init.gitignore": "add /site/ and /.magazine/ to it",
    "init.workflow": "make it publish with GitHub Pages yourself",
    "init.next": (
        "next: uncomment the services you use in entries/services.yml, then `magazine new "
        "--service KEY --prompt …`, then `magazine serve`."
    ),
    "cli.wrote": "wrote {path}",
    "cli.published": "published {site} to {where}",
    "push.no_store": "no media_store in mkdocs.yml: nothing to push",
    "push.summary": (
        "{store}: {sent}, {present} already there ({present_size}); all {verified} verified"
    ),
    "push.uploaded_one": "uploaded {count} object ({size})",
    "push.uploaded": "uploaded {count} objects ({size})",
    "push.uploaded_nothing": "uploaded nothing",
    "gc.confirm": "delete these {count} objects?",
    "gc.deleted": "deleted {count} objects ({size}) that no page loads",
    "gc.found": "{count} objects ({size}) that no page loads",
    "gc.found_hint": (
        "{count} objects ({size}) that no page loads; `magazine media gc --delete` deletes them"
    ),
    "gc.clean": "every object under the prefix is loaded by a page",
    "progress.media": "media",
    "progress.deleting": "deleting",
    "progress.uploading": "uploading to {store}",
    "progress.verifying": "verifying",
    "progress.done": "done: {label}",
    "progress.done_size": "done: {label} ({size})",
    "internals.outside": (
        "the preview rebuilds the whole site on every save: {listed} is outside the range its "
        "incremental builds were tested with"
    ),
    "internals.version": "{name} {version} (tested: {tried})",
    "internals.not_installed": "{name} not installed (tested: {tried})",
    "internals.off": "the preview rebuilds the whole site on every save ({switch}=off)",
    "serve.serving": "Serving the magazine on {url}",
    "serve.serving_site": "Serving {site} on {url}",
    # Downloads of remote clips
    "fetch.at": "{reason} ({url})",
    "fetch.warning": "{entry}: {field}: {reason} ({url})",
    "fetch.using_archive": "{reason}; using the archived copy",
    "fetch.expired_no_copy": "{reason}, and the archive has no copy of it",
    "fetch.offline_missing": "not in the archive, and --offline forbids downloading it",
    "fetch.vanished": "the archived copy vanished while in use",
    "fetch.mismatch": "sha256 mismatch: {source} {expected}, downloaded {got} ({size} bytes)",
    "fetch.mismatch_kept": (
        "sha256 mismatch: {source} {expected}, downloaded {got} ({size} bytes); the previously "
        "verified copy is kept"
    ),
    "fetch.declared": "declared",
    "fetch.locked": "recorded in the lock file",
    "fetch.http_needs_allow": (
        "http:// links need `allow_http: true` in extra.magazine (use https://)"
    ),
    "fetch.only_https": "only https:// links can be fetched (got {scheme}:)",
    "download.redirect_invalid": "redirected to an address that is not a valid URL",
    "download.redirect_downgrade": (
        "redirected from https:// to http:// ({target}), which is refused even with allow_http: "
        "a download never gives up encryption on the way"
    ),
    "download.redirect_http": (
        "redirected to {target}, and http:// is refused unless extra.magazine.allow_http is true"
    ),
    "download.redirect_scheme": (
        "redirected to a {scheme}: address, which is refused (only https:// links are fetched)"
    ),
    "download.cannot_write": "cannot write the download: {detail}",
    "download.hash_wrong": "the downloaded bytes did not match the expected sha256",
    "download.gave_up": "{reason} (gave up after {count} attempts)",
    "download.no_time": "{reason} (no time left for a retry within the {deadline:g} s deadline)",
    "download.too_slow": "took longer than the {deadline:g} s deadline",
    "download.invalid_url": "not a valid URL",
    "download.timed_out": "timed out ({kind})",
    "download.connection": "connection failed: {detail}",
    "download.redirects": "more than {count} redirects",
    "download.expired": "the link has expired or is gone (HTTP {status})",
    "download.http": "HTTP {status}",
    "download.no_resume": "the server refused to resume (HTTP 416)",
    "download.unexpected": "unexpected answer HTTP {status}",
    "download.not_media_type": "expected a video or image, got a {kind} page",
    "download.compressed": (
        "the server sent the file compressed (Content-Encoding: {encoding}) though asked not to"
    ),
    "download.too_big": "the file is {size} bytes, more than max_bytes ({limit})",
    "download.larger": "the file is larger than max_bytes ({limit})",
    "download.closed": "the connection closed after {received} of {remaining} bytes",
    "download.empty": "the server sent an empty file",
    "download.partial_answer": "the server answered a request for {asked} with a part of the file",
    "download.no_range": "no range",
    "download.bad_resume": "the server resumed the download wrongly: {problem}; starting again",
    "download.no_content_range": "its answer had no valid Content-Range",
    "download.wrong_range": "it sent the range {got} for {wanted}",
    "download.etag_changed": "its answer belongs to another version of the file (the ETag changed)",
    "download.length": "its Content-Length {length} does not match the range it announced",
    "download.not_media": "the download is not a video or image: it is {kind}",
    "download.not_media_sent_as": (
        "the download is not a video or image: it is {kind} (sent as {sent})"
    ),
    "download.changed_on_disk": (
        "the downloaded file changed on disk before it was archived; fetch again"
    ),
    # ffmpeg and the clips' files
    "media.ffmpeg_missing_at": "ffmpeg not found at {path} (settings.media.ffmpeg)",
    "media.no_ffmpeg": "no ffmpeg: install imageio-ffmpeg or set media.ffmpeg",
    "media.no_ffmpeg_binary": "no ffmpeg binary in imageio-ffmpeg: {detail}",
    "media.cannot_start": "cannot start ffmpeg: {reason}",
    "media.ffmpeg_timeout": "ffmpeg took longer than {timeout:g} s (settings.media.timeout)",
    "media.ffmpeg_failed": "ffmpeg failed (exit {code})",
    "media.ffmpeg_cut": "ffmpeg stopped {leftover} bytes into a frame",
    "media.rendition_short": (
        "the rendition holds {actual:.2f} s of {expected:.2f} s: the source is truncated or corrupt"
    ),
    "media.cannot_read_file": "cannot read the file: {reason}",
    "media.os_error": "{reason} ({file})",
    "media.sheet_no_times": "{shown}: contact sheet without times (ffmpeg cannot draw text)",
    # The site folder
    "site.dir_is_root": (
        "site_dir {site_dir} would replace the magazine folder {root} itself; choose a folder "
        "of its own, such as site/"
    ),
    "site.dir_overlaps": (
        "site_dir {site_dir} overlaps the magazine's {name} ({path}); building there would "
        "delete it: choose a folder of its own, such as site/"
    ),
    "site.config_unreadable": "{name}: {detail}",
    # The live preview
    "preview.rebuilt": "rebuilt: {rendered} of {pages} pages made anew ({seconds:.1f} s)",
    "preview.banner": "Build error: this is the last good build. Fix it and save to clear this.",
    "preview.warned": "Warning: the site was built, but `magazine build` would refuse it as it is.",
    # The command line's own words (terminal.py)
    "terminal.nothing_waiting": "nothing is waiting",
    "terminal.unknown": "unknown",
    "terminal.built": "built {site}: {entries}, {pages}, {clips}",
    "terminal.entry": "{count} entry",
    "terminal.entries": "{count} entries",
    "terminal.page": "{count} page",
    "terminal.pages": "{count} pages",
    "terminal.clip": "{count} clip",
    "terminal.clips": "{count} clips",
    "terminal.service": "{count} service",
    "terminal.services": "{count} services",
    "terminal.comparison": "{count} comparison",
    "terminal.comparisons": "{count} comparisons",
    "terminal.site_size": "site size: {size} in {files} files",
    "terminal.warning": "warning",
    "terminal.error": "error",
    "terminal.usage_error": "usage error",
    "terminal.check_ok": "ok: {counts}",
    "terminal.fetched": "{clips} downloaded, {reused} from the archive, {failed} failed",
    "terminal.store_holds": (
        "media store {store} will hold {size} in {objects} files (`magazine media push` uploads "
        "what it lacks)"
    ),
    "terminal.column.entry": "entry",
    "terminal.column.service": "service",
    "terminal.column.status": "status",
    "terminal.column.submitted": "submitted",
    "terminal.column.waited": "waited",
    "terminal.column.promised": "promised",
    "terminal.column.ratio": "ratio",
    # The command line's own usage errors (click)
    "click.missing_argument": "missing argument {name}",
    "click.missing_option": "missing option {name}",
    "click.no_such_option": "no such option: {name}",
    "click.no_such_option_near": "no such option: {name} (did you mean {near}?)",
    "click.choice": "{name}: must be one of {choices}",
    "click.try_help": "Try '{command} -h' for help.",
    # The comments of a new entry (magazine new, resend)
    "scaffold.checked_pending": "the last time you looked; update it while you wait",
    "scaffold.checked": "the last time you looked",
    "scaffold.promised": "what the service said it would take",
    "scaffold.deliver": (
        "When the result arrives: magazine deliver THIS-FILE --clip FILE (or set status:"
    ),
    "scaffold.deliver_by_hand": "delivered, delivered_at and clips: by hand)",
    "scaffold.clip": "relative to this file's folder",
    "scaffold.verdict": "one line about what you saw",
}
