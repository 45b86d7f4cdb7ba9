"""Loading a magazine: every rule, located exactly, every problem of every file in one run."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from generator.errors import ContentError, UsageError
from generator.model import DEFAULT_CRITERIA, Status
from generator.source.entries import clip_path, load_magazine
from tests.magazine_fixtures import DELIVERED, MKDOCS, PENDING, STAND_IN, write_magazine

MEDIA = {"entries/2025/01/media/sparks-sora.mp4": b"stand-in"}


def found(root: Path) -> list[str]:
    """The problems `load_magazine` reports, as the CLI prints them."""
    with pytest.raises(ContentError) as caught:
        load_magazine(root)
    return [str(p) for p in caught.value.problems]


def one_entry(tmp_path: Path, text: str, **options: object) -> list[str]:
    root = write_magazine(tmp_path / "m", {"2025/01/e.yml": text}, files=MEDIA, **options)  # type: ignore[arg-type]
    return found(root)


def test_valid_magazine_loads(magazine_root: Path) -> None:
    magazine = load_magazine(magazine_root)
    assert [e.slug for e in magazine.entries] == ["sora", "kling"]
    sora = magazine.entries[0]
    assert sora.path == "entries/2025/01/sora.yml"
    assert sora.status is Status.DELIVERED
    assert sora.wait is not None and sora.wait.settled
    assert sora.wait.duration == timedelta(minutes=40)
    assert magazine.services["kling"].name == "Kling"
    assert magazine.criteria == DEFAULT_CRITERIA
    assert magazine.settings.timezone == "Asia/Seoul"
    assert magazine.settings.language == "ko"
    # whitespace differences in the prompt do not split a comparison
    [comparison] = magazine.comparisons
    assert [e.slug for e in comparison.entries] == ["sora", "kling"]


def test_pending_wait_is_at_least_checked_minus_submitted(magazine_root: Path) -> None:
    kling = load_magazine(magazine_root).entry("kling")
    wait = kling.wait
    assert wait is not None
    assert not wait.settled
    assert wait.duration == timedelta(hours=48)
    assert wait.ratio == 16.0


def test_offsetless_times_are_read_in_the_magazine_zone(tmp_path: Path) -> None:
    text = PENDING.replace("+09:00", "").replace("T10:05:00\n", " 10:05:00\n")
    root = write_magazine(tmp_path / "m", {"2025/01/kling.yml": text}, files={})
    kling = load_magazine(root).entry("kling")
    assert kling.submitted_at.utcoffset() == timedelta(hours=9)
    assert kling.submitted_at.isoformat() == "2025-01-03T10:05:00+09:00"
    assert kling.wait is not None and kling.wait.duration == timedelta(hours=48)


def test_offsetless_times_without_a_zone_are_errors(tmp_path: Path) -> None:
    text = PENDING.replace("+09:00", "")
    mkdocs = MKDOCS.replace("    timezone: Asia/Seoul\n", "    allow_http: false\n")
    assert one_entry(tmp_path, text, mkdocs=mkdocs) == [
        "entries/2025/01/e.yml:5:15: submitted_at: has no UTC offset: write it like "
        "2025-01-03T10:00:00+09:00, or set extra.magazine.timezone in mkdocs.yml to read such "
        "times in the magazine's zone",
        "entries/2025/01/e.yml:8:13: checked_at: has no UTC offset: write it like "
        "2025-01-03T10:00:00+09:00, or set extra.magazine.timezone in mkdocs.yml to read such "
        "times in the magazine's zone",
    ]


def test_bare_date_for_a_time_is_an_error(tmp_path: Path) -> None:
    text = PENDING.replace("2025-01-03T10:05:00+09:00", "2025-01-03")
    assert one_entry(tmp_path, text) == [
        # the magazine sets a zone: the time is enough, no offset needed
        "entries/2025/01/e.yml:5:15: submitted_at: a date alone is not enough: add the time, "
        "like 2025-01-03T10:00"
    ]


def test_time_zone_differences_are_compared_as_instants(tmp_path: Path) -> None:
    # 10:30 in Seoul is 01:30 UTC: delivered 30 minutes after submission, not before it
    text = DELIVERED.replace("2025-01-03T10:40:00+09:00", "2025-01-03T01:30:00Z")
    root = write_magazine(tmp_path / "m", {"2025/01/sora.yml": text}, files=MEDIA)
    sora = load_magazine(root).entry("sora")
    assert sora.wait is not None and sora.wait.duration == timedelta(minutes=30)


def test_missing_and_unknown_fields(tmp_path: Path) -> None:
    text = "title: x\nservice: sora\nprompt: p\nstatus: pending\nchecked_at: 2025-01-01T00:00:00Z\n"
    text += "promised_wiat: 3h\n"
    assert one_entry(tmp_path, text) == [
        "entries/2025/01/e.yml:1:1: submitted_at: is required but missing",
        "entries/2025/01/e.yml:6:1: promised_wiat: unknown field 'promised_wiat' "
        "(did you mean 'promised_wait'?)",
    ]


def test_wrong_types_with_quoting_hints(tmp_path: Path) -> None:
    text = DELIVERED.replace("title: 금빛 불꽃이 사람으로", "title: 2025").replace(
        "status: delivered", "status: done"
    )
    text += "model: 1.10\n"
    assert one_entry(tmp_path, text) == [
        "entries/2025/01/e.yml:1:8: title: must be text (got the number 2025); "
        'put it in quotes: "2025"',
        "entries/2025/01/e.yml:8:9: status: must be one of delivered, pending, waitlisted, "
        "paywalled, failed, refused or abandoned (got 'done')",
        "entries/2025/01/e.yml:12:8: model: must be text (got the number 1.1); "
        'put it in quotes: "1.10"',
    ]


def test_yaml_surprise_is_reported_once(tmp_path: Path) -> None:
    text = DELIVERED + "verdict: no\n"
    assert one_entry(tmp_path, text) == [
        'entries/2025/01/e.yml:12:10: verdict: no would be read as false (YAML 1.1); write "no" '
        "for text, or true/false"
    ]


def test_rating_outside_scale_and_unknown_criterion(tmp_path: Path) -> None:
    text = DELIVERED.replace(
        "ratings: {quality: 4, lighting: 5}", "ratings:\n  lighting: 7\n  lightning: 3\n  story: 0"
    )
    assert one_entry(tmp_path, text) == [
        "entries/2025/01/e.yml:12:13: ratings.lighting: must be a whole number from 1 to 5 (got 7)",
        "entries/2025/01/e.yml:13:3: ratings.lightning: unknown criterion 'lightning' "
        "(did you mean 'lighting'?)",
        "entries/2025/01/e.yml:14:10: ratings.story: must be a whole number from 1 to 5 (got 0)",
    ]


def test_rating_that_is_not_whole(tmp_path: Path) -> None:
    text = DELIVERED.replace("lighting: 5}", "lighting: 4.5}")
    assert one_entry(tmp_path, text) == [
        "entries/2025/01/e.yml:11:33: ratings.lighting: must be a whole number (got 4.5)"
    ]


def test_custom_criteria_with_their_own_scale(tmp_path: Path) -> None:
    criteria = "motion:\n  label: {ko: 움직임, en: Motion}\n  scale: 10\n"
    text = DELIVERED.replace("ratings: {quality: 4, lighting: 5}", "ratings: {motion: 9}")
    root = write_magazine(tmp_path / "m", {"2025/01/e.yml": text}, files=MEDIA, criteria=criteria)
    magazine = load_magazine(root)
    assert [c.key for c in magazine.criteria] == ["motion"]
    assert magazine.entries[0].ratings == {"motion": 9}
    (root / "entries/2025/01/e.yml").write_text(text.replace("motion: 9", "motion: 11"))
    assert found(root) == [
        "entries/2025/01/e.yml:11:19: ratings.motion: must be a whole number from 1 to 10 (got 11)"
    ]


def test_unknown_service(tmp_path: Path) -> None:
    assert one_entry(tmp_path, DELIVERED.replace("service: sora", "service: sorra")) == [
        "entries/2025/01/e.yml:2:10: service: unknown service 'sorra' (did you mean 'sora'?); "
        "add it to entries/services.yml"
    ]


def test_missing_services_registry(tmp_path: Path) -> None:
    assert one_entry(tmp_path, DELIVERED, services=None) == [
        "entries/services.yml: missing: list every service your entries name "
        "(key: {name: ..., kind: video})"
    ]


def test_problems_in_the_services_registry(tmp_path: Path) -> None:
    services = "sora:\n  name: Sora\n  knd: video\nBad Key:\n  name: x\nveo: Veo\n"
    assert one_entry(tmp_path, DELIVERED, services=services) == [
        "entries/services.yml:3:3: sora.knd: unknown field 'knd' (did you mean 'kind'?)",
        "entries/services.yml:4:1: Bad Key: a key uses lowercase letters, digits, - and _ only "
        "(up to 64)",
        "entries/services.yml:6:6: veo: must be a mapping of fields (name: ..., ...)",
    ]


def test_times_in_the_wrong_order(tmp_path: Path) -> None:
    text = DELIVERED.replace(
        "delivered_at: 2025-01-03T10:40:00", "delivered_at: 2025-01-02T10:40:00"
    )
    text += "checked_at: 2025-01-01T00:00:00+09:00\n"
    assert one_entry(tmp_path, text) == [
        "entries/2025/01/e.yml:7:15: delivered_at: is before submitted_at "
        "(2025-01-03T10:00:00+09:00)",
        "entries/2025/01/e.yml:12:13: checked_at: is before submitted_at "
        "(2025-01-03T10:00:00+09:00)",
    ]


def test_delivered_needs_clips_and_delivered_at(tmp_path: Path) -> None:
    text = DELIVERED.replace("delivered_at: 2025-01-03T10:40:00+09:00\n", "").replace(
        "clips:\n  - file: media/sparks-sora.mp4\n", ""
    )
    assert one_entry(tmp_path, text) == [
        "entries/2025/01/e.yml:7:9: status: is delivered but has no clips: add the file or URL "
        "under clips",
        "entries/2025/01/e.yml:7:9: status: is delivered but has no delivered_at: when did the "
        "result arrive?",
    ]


def test_pending_needs_checked_at(tmp_path: Path) -> None:
    text = PENDING.replace("checked_at: 2025-01-05T10:05:00+09:00\n", "")
    assert one_entry(tmp_path, text) == [
        "entries/2025/01/e.yml:7:9: status: is pending but has no checked_at: add the last time "
        "you looked (the wait shown is at least checked_at − submitted_at)"
    ]


def test_same_slug_in_two_files_names_both(tmp_path: Path) -> None:
    root = write_magazine(
        tmp_path / "m",
        {"2025/01/sparks.yml": DELIVERED, "2025/02/sparks.yml": PENDING + "slug: sparks\n"},
        files=MEDIA | {"entries/2025/01/media/sparks-sora.mp4": b"x"},
    )
    assert found(root) == [
        "entries/2025/01/sparks.yml:1:1: slug: the page address 'sparks' is also used by "
        "entries/2025/02/sparks.yml; set a different slug: in one of them",
        "entries/2025/02/sparks.yml:9:1: slug: the page address 'sparks' is also used by "
        "entries/2025/01/sparks.yml; set a different slug: in one of them",
    ]


def test_korean_file_names_get_ascii_slugs(tmp_path: Path) -> None:
    root = write_magazine(
        tmp_path / "m",
        {"2025/01/금빛 불꽃.yml": DELIVERED},
        files={"entries/2025/01/media/sparks-sora.mp4": b"x"},
    )
    assert load_magazine(root).entries[0].slug == "geumbit-bulkkot"


def test_missing_clip_file(tmp_path: Path) -> None:
    root = write_magazine(tmp_path / "m", {"2025/01/e.yml": DELIVERED}, files={})
    assert found(root) == [
        "entries/2025/01/e.yml:10:11: clips[0].file: file not found: "
        "entries/2025/01/media/sparks-sora.mp4 (paths are relative to this entry's folder)"
    ]


def test_clip_paths_that_escape_the_magazine(tmp_path: Path) -> None:
    outside = tmp_path / "secret.mp4"
    outside.write_bytes(b"x")
    text = DELIVERED.replace(
        "  - file: media/sparks-sora.mp4\n",
        "  - file: ../../../../secret.mp4\n"
        f"  - file: {outside}\n"
        "  - file: media/link.mp4\n"
        "  - file: ../../2025/01/media/sparks-sora.mp4\n"
        "  - file: media\n",
    )
    root = write_magazine(tmp_path / "m", {"2025/01/e.yml": text}, files=MEDIA)
    os.symlink(outside, root / "entries/2025/01/media/link.mp4")
    assert found(root) == [
        "entries/2025/01/e.yml:10:11: clips[0].file: goes outside the magazine folder; keep "
        "clips inside it",
        "entries/2025/01/e.yml:11:11: clips[1].file: must be a path relative to this entry's "
        "folder, not an absolute path",
        "entries/2025/01/e.yml:12:11: clips[2].file: is a link to a file outside the magazine "
        "folder; copy the file in instead",
        "entries/2025/01/e.yml:14:11: clips[4].file: entries/2025/01/media is a folder, not a file",
    ]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "http://cdn.example/a.mp4",
            "http:// is not allowed: use https://, or set extra.magazine.allow_http: true",
        ),
        ("javascript:alert(1)", "must be an https:// URL (got javascript:)"),
        ("file:///etc/passwd", "must be an https:// URL (got file:)"),
        ("data:video/mp4;base64,AAAA", "must be an https:// URL (got data:)"),
        ("ftp://cdn.example/a.mp4", "must be an https:// URL (got ftp:)"),
        ("//cdn.example/a.mp4", "must be an https:// URL (got no scheme)"),
        ("https:///a.mp4", "has no host name"),
        ('"https://cdn.example/a b.mp4"', "a URL cannot contain spaces or control characters"),
        ('"https://cdn.example/a\\"b.mp4"', "a URL cannot contain '\"': percent-encode it (%22)"),
        (
            "https://cdn.example/영상.mp4",
            "a URL cannot contain '영': percent-encode it, and write a host name in punycode "
            "(xn--...)",
        ),
        (
            "https://cdn.example/50%.mp4",
            "has a % not followed by two hex digits (write %25 for a percent sign)",
        ),
        ("https://cdn.example:99999/a.mp4", "is not a valid URL (a bracket or the port is wrong)"),
    ],
)
def test_clip_urls(tmp_path: Path, url: str, message: str) -> None:
    text = DELIVERED.replace("  - file: media/sparks-sora.mp4\n", f"  - url: {url}\n")
    assert one_entry(tmp_path, text) == [f"entries/2025/01/e.yml:10:10: clips[0].url: {message}"]


def test_https_url_is_fine_and_http_when_allowed(tmp_path: Path) -> None:
    text = DELIVERED.replace(
        "  - file: media/sparks-sora.mp4\n",
        "  - url: https://cdn.example/a.mp4?sig=secret\n  - url: http://cdn.example/b.mp4\n",
    )
    mkdocs = MKDOCS + "    allow_http: true\n"
    root = write_magazine(tmp_path / "m", {"2025/01/e.yml": text}, files={}, mkdocs=mkdocs)
    clips = load_magazine(root).entries[0].clips
    assert [c.url for c in clips] == [
        "https://cdn.example/a.mp4?sig=secret",
        "http://cdn.example/b.mp4",
    ]


def test_every_problem_of_every_file_in_one_run(tmp_path: Path) -> None:
    root = write_magazine(
        tmp_path / "m",
        {
            "a.yml": "- a list\n",
            "b/empty.yaml": "# nothing yet\n",
            "c.yml": DELIVERED.replace("service: sora", "service: sora\nservice: kling"),
            "d.yml": "title: [\n",
        },
        files=MEDIA | {"entries/media/sparks-sora.mp4": b"x"},
    )
    assert found(root) == [
        "entries/a.yml:1:1: an entry is a mapping of fields (title: ..., service: ...), not a list",
        "entries/b/empty.yaml:1:1: the file is empty",
        "entries/c.yml:3:1: service: duplicate key 'service' (first at line 2); keep one of them",
        "entries/d.yml:2:1: the file stops in the middle of a value. Was the file still being "
        "saved?",
    ]


def test_settings_problems_are_located_in_mkdocs_yml(tmp_path: Path) -> None:
    mkdocs = MKDOCS + "    timezone_name: Asia/Seoul\n    media: {crf: 99}\n"
    mkdocs = mkdocs.replace("timezone: Asia/Seoul", "timezone: Mars/Olympus")
    assert one_entry(tmp_path, DELIVERED, mkdocs=mkdocs) == [
        "mkdocs.yml:11:15: extra.magazine.timezone: unknown time zone 'Mars/Olympus' (use a "
        "name like Asia/Seoul)",
        "mkdocs.yml:12:5: extra.magazine.timezone_name: unknown field 'timezone_name' (did you "
        "mean 'timezone'?)",
        "mkdocs.yml:13:18: extra.magazine.media.crf: must be at most 51 (got the number 99)",
    ]


def test_not_a_magazine_folder(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"not a magazine folder: .* has no mkdocs\.yml"):
        load_magazine(tmp_path)


def test_clip_path_resolves_relative_to_the_entry(magazine_root: Path) -> None:
    magazine = load_magazine(magazine_root)
    sora = magazine.entry("sora")
    path = clip_path(magazine, sora, sora.clips[0])
    assert path == (magazine_root / "entries/2025/01/media/sparks-sora.mp4").resolve()
    assert path.read_bytes() == STAND_IN


def test_loading_leaves_the_writers_files_alone(magazine_root: Path) -> None:
    before = {p: p.read_bytes() for p in magazine_root.rglob("*") if p.is_file()}
    load_magazine(magazine_root)
    after = {p: p.read_bytes() for p in magazine_root.rglob("*") if p.is_file()}
    assert before == after


def test_comparisons_by_prompt_and_by_experiment(tmp_path: Path) -> None:
    other = PENDING.replace("A mesmerizing   shower", "A different shower")
    root = write_magazine(
        tmp_path / "m",
        {
            "a.yml": DELIVERED + "experiment: sparks\n",
            "b.yml": other + "experiment: sparks\n",
            "c.yml": PENDING,
            "d.yml": PENDING.replace("10:05:00", "11:05:00"),
        },
        files={"entries/media/sparks-sora.mp4": b"x"},
    )
    magazine = load_magazine(root)
    assert [(c.slug, [e.slug for e in c.entries]) for c in magazine.comparisons] == [
        ("sparks", ["a", "b"]),
        ("a-mesmerizing-shower-of-golden-sparks-2c7be8", ["c", "d"]),
    ]


def test_experiment_keys_with_the_same_address(tmp_path: Path) -> None:
    root = write_magazine(
        tmp_path / "m",
        {
            "a.yml": PENDING + "experiment: golden_sparks\n",
            "b.yml": PENDING + "experiment: golden_sparks\n",
            "c.yml": PENDING + "experiment: golden-sparks\n",
            "d.yml": PENDING + "experiment: golden-sparks\n",
        },
    )
    assert found(root) == [
        "entries/a.yml:9:13: experiment: this comparison's page address 'golden-sparks' is also "
        "used by the comparison of entries/c.yml; choose experiment keys that differ in more "
        "than - and _",
        "entries/c.yml:9:13: experiment: this comparison's page address 'golden-sparks' is also "
        "used by the comparison of entries/a.yml; choose experiment keys that differ in more "
        "than - and _",
    ]


def test_settings_that_belong_at_the_top_of_mkdocs_yml(tmp_path: Path) -> None:
    mkdocs = MKDOCS.replace("theme:\n  name: material\n  language: ko\n", "theme: material\n")
    mkdocs += "    site_name: Elsewhere\n"
    assert one_entry(tmp_path, DELIVERED, mkdocs=mkdocs) == [
        "mkdocs.yml:10:5: extra.magazine.site_name: set site_name in mkdocs.yml instead of "
        "extra.magazine.site_name"
    ]
    (tmp_path / "m/mkdocs.yml").write_text(mkdocs.replace("    site_name: Elsewhere\n", ""))
    settings = load_magazine(tmp_path / "m").settings
    assert (settings.site_name, settings.language) == ("Test magazine", "en")


def test_pattern_mismatches_say_what_the_field_wants(tmp_path: Path) -> None:
    text = DELIVERED.replace(
        "  - file: media/sparks-sora.mp4",
        "  - file: media/sparks-sora.mp4\n    sha256: 3F2A…",
    ).replace("status: delivered", "status: delivered\nlanguage: korean\nslug: Sparks Sora")
    assert one_entry(tmp_path, text) == [
        "entries/2025/01/e.yml:9:11: language: 'korean' is not allowed here: "
        "write a language code such as ko, en or zh-Hant",
        "entries/2025/01/e.yml:10:7: slug: 'Sparks Sora' is not allowed here: "
        "use lowercase letters, digits and - only",
        "entries/2025/01/e.yml:13:13: clips[0].sha256: '3F2A…' is not allowed here: "
        "a SHA-256 is 64 lowercase hexadecimal digits (0-9, a-f)",
    ]
