"""The English catalogue of messages for the writer (see `messages`).

Keys are grouped by where the problem is found; `{name}` placeholders are filled from the
`Message`'s arguments, and `messages_ko` has the same keys with the same placeholders.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    # Counts and levels
    "count.problem": "{count} problem found",
    "count.problems": "{count} problems found",
    "count.clip_failed": "{count} clip failed; the site was not published",
    "count.clips_failed": "{count} clips failed; the site was not published",
    "severity.warning": "warning",
    # Reading YAML
    "yaml.empty": "the file is empty",
    "yaml.too_deep": "nesting is too deep (more than {levels} levels)",
    "yaml.not_utf8": "the file is not valid UTF-8 text; save it as UTF-8",
    "yaml.control_character": "control character {code} is not allowed in YAML; remove it",
    "yaml.anchor": "anchors and aliases (& and *) are not allowed; write the value out",
    "yaml.second_document": "a second document (---) is not allowed; one entry per file",
    "yaml.tab": "a tab character cannot be used here; indent with spaces",
    "yaml.tag": "the tag {tag} is not allowed; remove it",
    "yaml.not_a_date": "{value} is not a real date or time; check the month, day and hour",
    "yaml.colon_in_value": (
        "a value with ': ' in it must be in quotes (or in a | block); if this line is a key, "
        "line it up with the keys above"
    ),
    "yaml.unclosed_quote": (
        "the quoted value that starts at line {start} never ends: the closing quote is "
        "missing. Was the file still being saved?"
    ),
    "yaml.unfinished": (
        "the file stops before what starts at line {start} ends. Was the file still being saved?"
    ),
    "yaml.unclosed_bracket": (
        "the list or mapping in brackets that starts at line {start} is not closed: add the "
        "closing ] or }}, or quote a value that holds ': '"
    ),
    "yaml.no_colon": (
        "line {start} is neither `key: value` nor part of the value above: add ': ' after the "
        "key, or indent the line under the value it continues"
    ),
    "yaml.indentation": (
        "this line does not line up with the keys above: indent it with as many spaces as "
        "the keys of its level (a list item starts with '- ')"
    ),
    "yaml.cannot_start": "a value cannot start with {char}; put the whole value in quotes",
    "yaml.escape": (
        "in double quotes a backslash starts an escape; write the value in single quotes or "
        "without quotes"
    ),
    "yaml.syntax": "cannot read this YAML: {detail}",
    "yaml.key_not_plain": "a key must be plain text",
    "yaml.key_not_text": "the key {name} is not text; quote it",
    "yaml.duplicate_key": "duplicate key {name} (first at line {first}); keep one of them",
    "yaml.surrogate": (
        "{code} is half of a UTF-16 surrogate pair, not a character; write the character "
        "itself (or \\U and its eight-digit code point)"
    ),
    "yaml.boolean": (
        "{text} would be read as {read} (YAML 1.1); write {quoted} for text, or true/false"
    ),
    "yaml.too_many_digits": "a number of {digits:,} digits is too long (at most {most})",
    "yaml.too_large": "{text} is too large a number to use",
    "yaml.octal": "{text} would be read as the octal number {number}; write {quoted}",
    "yaml.base60": "{text} would be read as a base-60 number; write {quoted} (or 1h30m for a wait)",
    "yaml.cut_comment": (
        "' #' starts a comment, so this value stops at {text}; quote the whole value or use "
        "a | block"
    ),
    # Fields (pydantic's error types)
    "field.missing": "is required but missing",
    "field.unknown": "unknown field {name}",
    "field.unknown_near": "unknown field {name} (did you mean {near}?)",
    "field.not_text": "must be text (got {got})",
    "field.not_text_quote": "must be text (got {got}); put it in quotes: {quoted}",
    "field.one_of": "must be one of {expected} (got {got})",
    "field.one_of_literal": "must be one of {expected} (got {got})",
    "field.pattern": "{got} is not allowed here: {hint}",
    "field.bool": "must be true or false (got {got})",
    "field.whole_number": "must be a whole number (got {got})",
    "field.number": "must be a number (got {got})",
    "field.finite": "must be a finite number (got {got})",
    "field.list": "must be a list (got {got})",
    "field.mapping": "must be a mapping of fields (got {got})",
    "field.empty": "must not be empty",
    "field.too_long": "is too long: at most {max_length} characters",
    "field.too_many": "has too many items: at most {max_length}",
    "field.at_least": "must be at least {ge} (got {got})",
    "field.more_than": "must be more than {gt} (got {got})",
    "field.at_most": "must be at most {le} (got {got})",
    "field.less_than": "must be less than {lt} (got {got})",
    "field.invalid": "is not valid: {detail}",
    "kind.bool": "true/false",
    "kind.number": "the number {value}",
    "kind.date": "a date",
    "kind.list": "a list",
    "kind.mapping": "a mapping",
    "kind.text": "the text {value}",
    "kind.nothing": "nothing",
    "kind.other": "{name}",
    "hint.key": "use lowercase letters, digits and - only",
    "hint.key_underscore": "use lowercase letters, digits, - and _ only",
    "hint.sha256": "a SHA-256 is 64 lowercase hexadecimal digits (0-9, a-f)",
    "hint.language_code": "write a language code such as ko, en or zh-Hant",
    "shape.clips": (
        "must be a list of clips (got {got}), each a file or a URL:\n"
        "  clips:\n    - file: media/clip.mp4\n    - url: https://example.com/clip.mp4"
    ),
    "shape.cost": (
        "must be an amount and a unit (got {got}), like\n  cost: {{amount: 10, unit: credits}}"
    ),
    "shape.ratings": (
        "must map criteria to whole numbers (got {got}), like\n"
        "  ratings: {{quality: 4, lighting: 5}}"
    ),
    "shape.tags": "must be a list of tags (got {got}), like\n  tags: [text-to-video, slow-motion]",
    "shape.changes": (
        "must be a list of dated changes (got {got}), like\n"
        "  changes:\n    - date: 2025-04-01\n      note: video now paid only"
    ),
    "shape.label": (
        "must be a label per language (got {got}), like\n  label: {{ko: 조명, en: Lighting}}"
    ),
    # Times and durations
    "time.date_only": "a date alone is not enough: add the time and UTC offset, like {example}",
    "time.no_offset": (
        "has no UTC offset: write it like {example}, or set extra.magazine.timezone in "
        "mkdocs.yml to read such times in the magazine's zone"
    ),
    "time.not_a_time": "must be a date and time such as 2025-01-03T10:00:00+09:00 (got {got})",
    "time.not_a_date": "must be a date such as 2025-04-01 (got {got})",
    "duration.unit_missing": "write a unit with the number, such as 3h, 90m or 2d",
    "duration.not_a_duration": "must be a duration such as 3h, 90m or 2d",
    "duration.unreadable": (
        "cannot read {text} as a duration; write a number and a unit, such as 3h, 90m, 2d, "
        "1h30m, 3 hours, 3시간 or 약 3시간"
    ),
    "duration.too_long": "{text} is longer than ten years; check the number and the unit",
    "duration.not_positive": "a duration must be longer than zero (got {text})",
    # Entry fields
    "clip.one_source": "a clip needs exactly one of `file` or `url`",
    "cost.not_a_number": "must be a number, such as 0, 10 or 0.5",
    "cost.too_large": "is too large for a cost (less than {ceiling:,} please)",
    "cost.places": "use at most {places} decimal places",
    "rating.not_whole": "must be a whole number (got {got})",
    "kind.single": "a single value",
    # Addresses
    "url.space": "a URL cannot contain spaces or control characters",
    "url.no_scheme": "must be an https:// URL (got no scheme)",
    "url.scheme": "must be an https:// URL (got {got})",
    "url.character": "a URL cannot contain {char}: percent-encode it ({code})",
    "url.non_ascii": (
        "a URL cannot contain {char}: percent-encode it, and write a host name in punycode "
        "(xn--...)"
    ),
    "url.percent": "has a % not followed by two hex digits (write %25 for a percent sign)",
    "url.invalid": "is not a valid URL (a bracket or the port is wrong)",
    "url.no_host": "has no host name",
    "url.credentials": (
        "must not carry a user name or password (user:password@): they would be published on "
        "every page"
    ),
    "url.bad_host": "has no valid host name (letters, digits, hyphens and dots, or [IPv6])",
    "url.brackets": "a URL cannot contain '[' or ']' after its host: percent-encode them",
    "url.http": "http:// is not allowed: use https://, or set extra.magazine.allow_http: true",
    "url.query": (
        "must not have a query string (?...) or fragment (#...): page paths are appended to it"
    ),
    # mkdocs.yml and settings
    "usage.no_config": "not a magazine folder: {root} has no mkdocs.yml (use --root)",
    "usage.site_url": (
        "--site-url: {reason}; give the site's address such as https://user.github.io/repo/"
    ),
    "config.not_a_mapping": "mkdocs.yml must be a mapping of settings",
    "config.section_mapping": "must be a mapping of settings",
    "config.from_top": "set {where} in mkdocs.yml instead of extra.magazine.{key}",
    "config.through_inherit": "{reason} (as read through INHERIT or !ENV)",
    "settings.timezone": "unknown time zone {name} (use a name like Asia/Seoul)",
    "settings.cache_inside": "{value} must be a folder inside the magazine, such as .magazine",
    "settings.cache_overlaps": (
        "{value} overlaps {name} {other}; use a folder of its own, such as .magazine"
    ),
    # Files, folders and names
    "file.unreadable": "cannot read the file: {reason}",
    "file.folder_unreadable": "cannot read the folder: {reason}",
    "file.unforeseen": "cannot be read: {detail}",
    "link.outside": (
        "is a link to something outside the magazine folder; it is not read (copy it in instead)"
    ),
    "link.broken": "is a link that leads nowhere (a broken link or a loop); it is not read",
    "link.loop": "is a link to a folder it is in",
    "name.forbidden": (
        "{name} contains {chars}, which Windows does not allow in file names "
        '(none of < > : " / \\ | ? * or control characters)'
    ),
    "name.device": (
        "{name} is a name Windows keeps for a device ({devices}, in any case and with any "
        "extension), so no file or folder there may take it"
    ),
    "name.trailing": "{name} ends with a dot or a space, which Windows drops from file names",
    "name.unicode_twin": (
        "has the same name as {other}, written in another Unicode form (composed and "
        "decomposed letters); keep one of the two"
    ),
    "name.file": "{reason}; rename it (a magazine with it could not be cloned on Windows)",
    "name.slug": (
        "the page address {slug}: {reason}; choose another slug (a magazine with it could not "
        "be cloned or built on Windows)"
    ),
    "name.slug_from_file": (
        "the page address {slug}, made from the file name: {reason}; rename the file or set "
        "slug: to another address (a magazine with it could not be cloned or built on Windows)"
    ),
    "name.experiment": (
        "the comparison's page address {slug}: {reason}; choose another experiment key (a "
        "magazine with it could not be cloned or built on Windows)"
    ),
    "name.service": (
        "the service's page address {key}: {reason}; choose another key (a magazine with it "
        "could not be cloned or built on Windows)"
    ),
    "name.slug_taken": (
        "the page address {slug} is also used by {others}; set a different slug: in one of them"
    ),
    "name.comparison_taken": (
        "this comparison's page address {slug} is also used by the comparison of {others}; "
        "choose experiment keys that differ in more than - and _"
    ),
    # Limits
    "limit.chars": (
        "is {length:,} characters long, more than limits.{name} ({limit:,}); shorten it, or "
        "raise the limit under extra.magazine.limits in mkdocs.yml"
    ),
    "limit.items": (
        "has {count:,} items, more than limits.{name} ({limit:,}); shorten it, or raise the "
        "limit under extra.magazine.limits in mkdocs.yml"
    ),
    "limit.entry_bytes": (
        "the file is longer than {limit:,} bytes, the most limits.entry_bytes lets a build "
        "read; split it or raise the limit in extra.magazine"
    ),
    "time.outside_years": "{moment} is outside the years {first}–{last}; check the date",
    "time.before_submitted": "is before submitted_at ({submitted})",
    # Rules between fields and files
    "status.delivered_no_clips": "is delivered but has no clips: add the file or URL under clips",
    "status.delivered_no_time": "is delivered but has no delivered_at: when did the result arrive?",
    "status.pending_no_check": (
        "is pending but has no checked_at: add the last time you looked (the wait shown is "
        "at least checked_at − submitted_at)"
    ),
    "service.unknown": "unknown service {name} {hint}; add it to entries/services.yml",
    "rating.unknown": "unknown criterion {name} {hint}",
    "rating.range": "must be a whole number from 1 to {scale} (got {got})",
    "hint.did_you_mean": "(did you mean {near}?)",
    "hint.known": "(known: {listed})",
    "hint.none_known": "(known: none yet)",
    "registry.services_missing": (
        "missing: list every service your entries name (key: {{name: ..., kind: video}})"
    ),
    "registry.not_a_mapping": "{name}.yml must map each key to its fields",
    "registry.key": "a key uses lowercase letters, digits, - and _ only (up to 64)",
    "registry.item_mapping": "must be a mapping of fields (name: ..., ...)",
    "registry.key_field": "the key is the name above; remove this line",
    "entry.not_a_mapping": "an entry is a mapping of fields (title: ..., service: ...), not {got}",
    # Clips
    "clip.control_character": (
        "a file path cannot contain control characters (such as NUL; in double quotes, \\t "
        "and \\n are escapes: write the path without quotes, with /)"
    ),
    "clip.link_loop": "is a link that leads back to itself (a symbolic link loop)",
    "clip.path_too_long": "the path is too long for the file system; use shorter names",
    "clip.unreadable": "cannot be read: {reason}",
    "clip.absolute": "must be a path relative to this entry's folder, not an absolute path",
    "clip.unportable": (
        "{reason}; rename the file (a magazine with it could not be cloned or built on Windows)"
    ),
    "clip.outside": "goes outside the magazine folder; keep clips inside it",
    "clip.link_outside": (
        "is a link to a file outside the magazine folder; copy the file in instead"
    ),
    "clip.not_found": "file not found: {shown} (paths are relative to this entry's folder)",
    "clip.not_found_near": (
        "file not found: {shown} (paths are relative to this entry's folder); did you mean "
        "{nearest}?"
    ),
    "clip.folder": "{shown} is a folder, not a file",
    "clip.not_regular": "{shown} is not a regular file (a pipe, socket or device); clips are files",
    # Media, fetching and the lock file
    "media.empty": "empty file (0 bytes)",
    "media.unreadable": "not a video or image file that ffmpeg can read ({detail})",
    "media.pixels_early": (
        "the picture is {width}×{height}, more than limits.pixels ({limit:,} pixels); refused "
        "before decoding"
    ),
    "media.pixels": "the picture is {width}×{height}, more than limits.pixels ({limit:,} pixels)",
    "media.too_long": (
        "the clip is {seconds:,.1f} s long, more than limits.clip_seconds ({limit:,g} s); trim "
        "it, or raise the limit in extra.magazine"
    ),
    "media.no_stream": "no video or image stream in the file",
    "media.size_unreadable": (
        "the picture's size cannot be read within limits.pixels ({limit:,} pixels): it is "
        "larger, or broken; refused before decoding"
    ),
    "media.no_picture": "no picture could be decoded",
    "media.truncated": (
        "truncated or corrupt: the header says {header:.2f} s but only {readable:.2f} s of "
        "video can be read"
    ),
    "media.corrupt_after": "corrupt after {frames} frames ({detail})",
    "media.webp_corrupt": "truncated or corrupt animated WebP",
    "media.webp_empty": "animated WebP without frames",
    "media.clip": "{source}: {reason}{more}",
    "media.failed": "{detail}",
    "measure.partial": "measured only {count} frames: {reason}{said}",
    "measure.partial_one": "measured only one frame: {reason}{said}",
    "measure.nothing": "measured nothing: no frame could be decoded",
    "measure.as_kept": "{detail}",
    "media.measured_part": "the clip's measurements are partial ({detail})",
    "fetch.failed": "{detail}",
    "lock.json": "not valid JSON: {detail}",
    "lock.clips": "must be an object of records (delete the file to start afresh)",
    "lock.version": "must be {version} (got {got})",
    "lock.key": "key must be the SHA-256 of the URL, lowercase hex",
    "lock.record": "must have url, sha256 (hex), size, content_type and fetched_at",
    # Pages and their addresses
    "claim.latest": "the latest trials",
    "claim.comparisons": "the index of comparisons",
    "claim.services": "the index of services",
    "claim.leaderboard": "the leaderboard",
    "claim.reports": "the index of monthly reports",
    "claim.tags": "the tags page",
    "claim.data_page": "the open data page",
    "claim.data_file": "the open data file",
    "service_claim.number": "must be a number, such as 10 or 29.97",
    "service_claim.resolution": "write 1080p or 1920x1080 (got {got})",
    "service_claim.order": "list claims oldest first, one a day ({later} follows {earlier})",
    "claim.measured_schema": "the JSON Schema of the open data's measurements",
    "claim.feed": "the feed",
    "claim.style": "the magazine's style sheet",
    "claim.script": "the magazine's script",
    "claim.viewer_style": "the comparison viewer's style sheet",
    "claim.viewer_script": "a module of the comparison viewer's script",
    "claim.home": "the home page",
    "claim.entry": "the page of {path}",
    "claim.comparison": "the comparison of {path}",
    "claim.service": "the page of service {key}",
    "claim.attempts": "the page of every attempt of service {key}",
    "claim.report": "the report of {month}",
    "claim.list": "the list of all trials",
    "claim.list_page": "page {number} of the list of all trials",
    "claim.reserved": "{what} (reserved)",
    "claim.taken": (
        "the page address {path} of {what} is also {other}, and one would replace the other; "
        "{remedy}"
    ),
    "claim.unportable": "the page address {path} of {what}: {reason}; {remedy}",
    "claim.writer_page": (
        "the magazine generates the page {rel} at the same place; rename or move this file"
    ),
    "claim.writer_media": (
        "the magazine generates the media file {rel} at the same place; rename or move this file"
    ),
    "remedy.slug": "choose another slug",
    "remedy.file": "rename the file or set slug: to another address",
    "remedy.experiment": "choose another experiment key",
    "remedy.prompt": "set experiment: to another key",
    "remedy.service": "choose another service key",
    "link.no_page": "the link {target} leads to no page of the site",
    "link.mkdocs": "the link {target}: {detail}",
    "link.mkdocs_other": "{kind} {target}: {detail}",
    "hint.choice": "{item}",
    "hint.choices": "{first} or {last}",
    # Warnings
    "warning.site_url_unset": (
        "site_url is not set in mkdocs.yml: the feed's links are relative, the sitemap is "
        "empty, 404.html loads /assets/ from the host's root (broken under a project path "
        "such as user.github.io/repo/) and link previews have no image; set site_url, or "
        "build with --site-url https://USER.github.io/REPO/"
    ),
    "time.date_only_zoned": "a date alone is not enough: add the time, like {example}",
    "time.no_offset_zoned": (
        "has no UTC offset and cannot be read as a time; write it like {example}"
    ),
    # Consistency warnings and the media store
    "consistency.pending_delivered": (
        "is set but the status is pending: set status: delivered (magazine deliver), or "
        "remove delivered_at"
    ),
    "consistency.pending_clips": (
        "are listed but the status is pending: set status: delivered (magazine deliver), or "
        "remove them"
    ),
    "consistency.delivered_is_submitted": (
        "equals submitted_at, so the wait reads 0 s: was it copied from submitted_at?"
    ),
    "consistency.checked_after": (
        "is after delivered_at: a check after the delivery says nothing; remove checked_at "
        "(the wait is delivered_at − submitted_at)"
    ),
    "consistency.checked_is_submitted": (
        "equals submitted_at, so the {status} wait reads ≥ 0 s: set it to the last time you "
        "looked (magazine checked), or remove it"
    ),
    "consistency.split_prompt": (
        "has the prompt of {other} but {here} ({there} there), so they form two comparisons: "
        "give both the same experiment key (magazine resend does)"
    ),
    "consistency.experiment_key": "experiment: {key}",
    "consistency.no_experiment_key": "no experiment key",
    "store.needs_base_url": (
        "needs media_base_url: the public address readers load these objects from (a public "
        "bucket or a CDN in front of it)"
    ),
    "store.needs_store": (
        "needs media_store: the s3://BUCKET/PREFIX that `magazine media push` uploads the "
        "media to and verifies"
    ),
    "store.address": "must be an address like s3://bucket/prefix",
    "store.credentials": (
        "must not hold credentials or a port: the store's keys and endpoint come from "
        "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL_S3 or a profile"
    ),
    "store.query": "must not have a query or fragment: write s3://bucket/prefix",
    "store.bucket": "the bucket name must be 3 to 63 lowercase letters, digits, dots and hyphens",
    "store.prefix": "the prefix must be a plain path such as magazine/media-root",
    "settings.language": "must be ko or en, the languages of the magazine's words",
    "settings.language_near": "must be ko or en, the languages of the magazine's words {hint}",
    "yaml.cut_short": "the file stops in the middle of a value. Was the file still being saved?",
    # The desk commands
    "desk.not_an_entry": "{text} is not an entry file of this magazine",
    "desk.open_attempts": "{text} has {count} open attempts ({listed}); name one",
    "desk.no_open_attempt": "{text} has no open attempt; name the entry by its slug or path",
    "desk.nothing_named": "no entry, slug or service {text} in this magazine",
    "desk.delivery_before": "{shown}: the delivery time is before submitted_at",
    "desk.time_before": "{shown}: the time is before submitted_at",
    "desk.unknown_service": "unknown service {name} (known: {listed})",
    "desk.delivered_already": (
        "{shown} is delivered; to change that, edit its status, delivered_at and clips by hand"
    ),
    "desk.submitted_offset": "{shown}: submitted_at needs a time with a UTC offset first",
    "desk.no_clip_file": "no clip file {source}",
    "desk.no_free_name": "no free name for {name} in {folder}",
    "time.unreadable": (
        "cannot read {text} as a time; write it like {example}, 2025-01-03 10:00 or now"
    ),
    "time.option_no_offset": (
        "{text} has no UTC offset: write it like {example}, or set extra.magazine.timezone in "
        "mkdocs.yml to read such times in the magazine's zone"
    ),
    "usage.prompt_twice": "give either --prompt or --prompt-file, not both",
    "usage.prompt_missing": "give --prompt, --prompt-file, or pipe the prompt on stdin",
    "usage.no_folder": "no folder {folder} to write {name} into",
    # magazine new
    "new.title_empty": "the title is empty",
    "new.title_control": "the title contains a control character",
    "new.same_attempt": (
        "{same} already records this attempt ({service}, the same prompt, {when}); edit that "
        "file, or give another --now"
    ),
    "new.no_free_name": "no free file name for {base} in {folder}",
    "new.prompt_empty": "the prompt is empty",
    "new.prompt_control": "the prompt contains a control character ({code})",
    "new.no_offset": "the time given has no UTC offset (and no extra.magazine.timezone)",
    "new.unknown_service": "unknown service {name} (known: {listed}); add it to {file} first",
    "new.no_services": "{folder}/services.yml is missing: list the service there first",
    "new.delivered": "a new entry cannot start delivered: record it, then magazine deliver",
    "new.experiment": "--experiment {value}: use lowercase letters, digits, - and _ only",
    "new.model": "--model is empty or contains a control character",
    "new.plan": "--plan {value}: must be one of {known}",
    "new.promised_wait": "--promised-wait: {reason}",
    # What ffmpeg was asked and said, under a clip's problem
    "media.more": "{command}{said}",
    "media.command": "\n  command: {command}",
    "media.said": "\n  ffmpeg said:\n    {lines}",
}
