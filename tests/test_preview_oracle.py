"""The preview's render equals a fresh render after any edit the models allow.

Edits are drawn from the models themselves: any field of an entry, of a service's record, of
a criterion, of a tag's labels, of the settings that reach pages, and of a clip's media (a new
rendition, other probed facts, a clip that failed or came back). Every field must have a way to
be drawn, so a field added to a model is edited here too (`test_every_field_is_drawn`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import MediaError
from generator.media.renditions import ClipMedia, ClipRef, MediaFacts, MediaIndex, Rendition, Role
from generator.model import (
    Access,
    Clip,
    Cost,
    Criterion,
    Entry,
    Experiment,
    Magazine,
    Plan,
    Service,
    ServiceChange,
    ServiceClaim,
    ServiceKind,
    Status,
    TagLabel,
    group_comparisons,
)
from generator.pages import PageMemo, RenderedSite, render_pages
from tests.pages_fixtures import SPARKS, magazine, media_index

WORDS = st.sampled_from(["Sora", "클링", "A <b>bold</b> claim", "# not a heading", "x" * 70, "é"])
TEXT = st.one_of(WORDS, st.text(alphabet="ab 가나<>&*_`#|", min_size=1, max_size=12))
MAYBE_TEXT = st.none() | TEXT
MOMENTS = st.datetimes(
    min_value=datetime(2024, 12, 1), max_value=datetime(2025, 6, 30), timezones=st.just(UTC)
)
KEYS = st.sampled_from(["sora", "kling", "veo", "midjourney", "runway", "pika"])
CRITERIA = st.sampled_from(["quality", "composition", "story", "camera", "lighting", "colour"])

ENTRY_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "title": TEXT,
    "service": KEYS,
    "model": MAYBE_TEXT,
    "plan": st.none() | st.sampled_from(list(Plan)),
    "prompt": st.one_of(st.just(SPARKS), TEXT),
    "prompt_source": MAYBE_TEXT,
    "experiment": st.none() | st.sampled_from(["sparks", "boat"]),
    "submitted_at": MOMENTS,
    "promised_wait": st.none() | st.timedeltas(timedelta(minutes=1), timedelta(days=3)),
    "delivered_at": st.none() | MOMENTS,
    "status": st.sampled_from(list(Status)),
    "checked_at": st.none() | MOMENTS,
    "clips": st.lists(
        st.builds(
            Clip,
            file=st.sampled_from(["media/a.mp4", "media/b.png"]),
            caption=MAYBE_TEXT,
            stand_in=st.booleans(),
        ),
        max_size=2,
    ).map(tuple),
    "cost": st.none()
    | st.builds(
        Cost,
        amount=st.decimals(0, 100, places=1, allow_nan=False),
        unit=st.sampled_from(["credits", "USD"]),
    ),
    "ratings": st.dictionaries(CRITERIA, st.integers(1, 5), max_size=3),
    "verdict": MAYBE_TEXT,
    "notes": st.none()
    | st.sampled_from(["Plain words.", "*Markdown* with [a link](https://x.test)"]),
    "tags": st.lists(TEXT, max_size=2, unique=True).map(tuple),
    "language": st.none() | st.sampled_from(["ko", "en"]),
    "slug": st.sampled_from(["sparks-sora", "renamed-page", "boat-kling"]),
    "updated_at": st.none() | MOMENTS,
    "path": st.sampled_from(["entries/x.yml", "entries/2025/y.yml"]),
}
SERVICE_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "key": st.just(None),  # the registry's key: renaming it is removing one and adding another
    "name": TEXT,
    "vendor": MAYBE_TEXT,
    "url": st.none() | st.sampled_from(["https://a.test", "https://b.test/x"]),
    "kind": st.sampled_from(list(ServiceKind)),
    "description": st.none() | st.sampled_from(["Now with *sound*.", "Plain."]),
    "claims": st.lists(
        st.builds(
            ServiceClaim,
            date=st.dates(date(2024, 12, 1), date(2025, 6, 30)),
            max_resolution=st.none() | st.sampled_from(["720p", "1080p", "1920x1080"]),
            max_seconds=st.none() | st.sampled_from([5, 10]),
            fps=st.none() | st.sampled_from([24, 30]),
            wait=st.none() | st.timedeltas(timedelta(minutes=1), timedelta(hours=6)),
            source=st.none() | st.just("https://claims.test/a"),
        ),
        max_size=2,
    )
    .map(lambda claims: tuple(sorted(claims, key=lambda c: c.date)))
    .filter(lambda claims: len({c.date for c in claims}) == len(claims)),
    "changes": st.lists(
        st.builds(
            ServiceChange,
            date=st.dates(date(2025, 1, 1), date(2025, 6, 30)),
            access=st.none() | st.sampled_from(list(Access)),
            note=TEXT,
        ),
        max_size=2,
    ).map(tuple),
}
CRITERION_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "key": st.just(None),
    "label": st.dictionaries(st.sampled_from(["ko", "en"]), TEXT, min_size=1),
    "scale": st.integers(2, 10),
    "description": st.dictionaries(st.sampled_from(["ko", "en"]), TEXT),
}
EXPERIMENT_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "key": st.just(None),
    "title": st.none() | TEXT | st.dictionaries(st.sampled_from(["ko", "en"]), TEXT, min_size=1),
    "introduction": st.none()
    | st.sampled_from(["Plain words.", "*Why* we [tried](https://x.test)"]),
}
EXPERIMENT_KEYS = st.sampled_from(["sparks", "boat", "unused"])
TAG_KEYS = st.sampled_from(["text-to-video", "slow-motion", "슬로모션"])
TAG_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "key": st.just(None),
    "label": st.dictionaries(st.sampled_from(["ko", "en"]), TEXT, min_size=1),
}
SETTINGS_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "language": st.sampled_from(["en", "ko"]),
    "timezone": st.sampled_from(["Asia/Seoul", "UTC", "America/New_York"]),
    "site_name": TEXT,
    "site_url": st.none() | st.sampled_from(["https://example.net/mag/", "https://a.test/"]),
    "use_directory_urls": st.booleans(),
    "media_base_url": st.none() | st.just("https://media.example"),
}
FACT_VALUES: dict[type, st.SearchStrategy[Any]] = {
    int: st.integers(0, 4000),
    float: st.floats(0.1, 60, allow_nan=False),
    str: st.sampled_from(["", "h264", "bt709", "video"]),
    bool: st.booleans(),
}

ENTRY_EDIT = st.sampled_from(sorted(ENTRY_FIELDS)).flatmap(
    lambda name: st.tuples(st.just("entry"), st.integers(0, 50), st.just(name), ENTRY_FIELDS[name])
)
EDITS = st.one_of(
    ENTRY_EDIT,
    st.tuples(st.sampled_from(["gone", "copy"]), st.integers(0, 50)),
    st.sampled_from(sorted(SERVICE_FIELDS)).flatmap(
        lambda name: st.tuples(st.just("service"), KEYS, st.just(name), SERVICE_FIELDS[name])
    ),
    st.tuples(st.just("service gone"), KEYS),
    st.sampled_from(sorted(CRITERION_FIELDS)).flatmap(
        lambda name: st.tuples(
            st.just("criterion"), CRITERIA, st.just(name), CRITERION_FIELDS[name]
        )
    ),
    st.tuples(st.just("criterion gone"), CRITERIA),
    st.sampled_from(sorted(EXPERIMENT_FIELDS)).flatmap(
        lambda name: st.tuples(
            st.just("experiment"), EXPERIMENT_KEYS, st.just(name), EXPERIMENT_FIELDS[name]
        )
    ),
    st.tuples(st.just("experiment gone"), EXPERIMENT_KEYS),
    st.sampled_from(sorted(TAG_FIELDS)).flatmap(
        lambda name: st.tuples(st.just("tag"), TAG_KEYS, st.just(name), TAG_FIELDS[name])
    ),
    st.tuples(st.just("tag gone"), TAG_KEYS),
    st.sampled_from(sorted(SETTINGS_FIELDS)).flatmap(
        lambda name: st.tuples(st.just("setting"), st.just(name), SETTINGS_FIELDS[name])
    ),
    st.tuples(
        st.just("media"),
        st.integers(0, 50),
        st.sampled_from(["new rendition", "facts", "failed", "gone"]),
        st.sampled_from([f.name for f in dataclasses.fields(MediaFacts)]),
        st.data(),
    ),
)


def test_every_field_is_drawn() -> None:
    assert set(ENTRY_FIELDS) == set(Entry.model_fields)
    assert set(SERVICE_FIELDS) == set(Service.model_fields)
    assert set(CRITERION_FIELDS) == set(Criterion.model_fields)
    assert set(EXPERIMENT_FIELDS) == set(Experiment.model_fields)
    assert set(TAG_FIELDS) == set(TagLabel.model_fields)
    assert {f.type for f in dataclasses.fields(MediaFacts)} <= {
        "str",
        "int",
        "float",
        "bool",
        "float | None",
        "int | None",
        "str | None",
    }


class World:
    """The magazine and media as a load would see them after each edit: new objects for what
    changed, the very same objects for what did not (as the entry cache hands them back)."""

    def __init__(self, base: Magazine, media: MediaIndex) -> None:
        self.base = base
        self.entries = list(base.entries)
        self.services = dict(base.services)
        self.criteria = list(base.criteria)
        self.experiments = dict(base.experiments)
        self.tags = dict(base.tags)
        self.settings = base.settings
        self.clips = dict(media.clips)
        self.failures = dict(media.failures)

    def magazine(self) -> Magazine:
        ordered = tuple(sorted(self.entries, key=lambda e: (e.submitted_at, e.slug)))
        return replace(
            self.base,
            settings=self.settings,
            entries=ordered,
            services={k: v.model_copy() for k, v in self.services.items()},
            criteria=tuple(self.criteria),
            experiments={k: v.model_copy() for k, v in self.experiments.items()},
            comparisons=group_comparisons(ordered),
            tags={k: v.model_copy() for k, v in sorted(self.tags.items())},
        )

    def media(self) -> MediaIndex:
        return MediaIndex(clips=dict(self.clips), failures=dict(self.failures))

    def apply(self, edit: tuple[Any, ...]) -> None:
        kind = edit[0]
        if kind == "entry":
            _, position, name, value = edit
            index = position % len(self.entries)
            entry = self.entries[index]
            if name == "slug" and any(e.slug == value for e in self.entries):
                return  # two entries at one address is refused by the loader
            self.entries[index] = entry.model_copy(update={name: value})
        elif kind == "gone" and len(self.entries) > 1:
            self.entries.pop(edit[1] % len(self.entries))
        elif kind == "copy":
            entry = self.entries[edit[1] % len(self.entries)]
            slug = f"{entry.slug}-again-{len(self.entries)}"
            self.entries.append(entry.model_copy(update={"slug": slug, "path": f"{slug}.yml"}))
        elif kind == "service":
            _, key, name, value = edit
            if name == "key":
                return
            record = self.services.get(key) or Service(key=key, name=key.title())
            self.services[key] = record.model_copy(update={name: value})
        elif kind == "service gone":
            self.services.pop(edit[1], None)
        elif kind == "criterion":
            _, key, name, value = edit
            if name == "key":
                return
            found = [i for i, c in enumerate(self.criteria) if c.key == key]
            if found:
                i = found[0]
                self.criteria[i] = self.criteria[i].model_copy(update={name: value})
            else:
                self.criteria.append(Criterion(key=key, label={"en": key.title()}))
        elif kind == "criterion gone" and len(self.criteria) > 1:
            self.criteria = [c for c in self.criteria if c.key != edit[1]]
        elif kind == "experiment":
            _, key, name, value = edit
            if name == "key":
                return
            record = self.experiments.get(key) or Experiment(key=key)
            self.experiments[key] = record.model_copy(update={name: value})
        elif kind == "experiment gone":
            self.experiments.pop(edit[1], None)
        elif kind == "tag":
            _, key, name, value = edit
            if name == "key":
                return
            record = self.tags.get(key) or TagLabel(key=key, label={"en": key.title()})
            self.tags[key] = record.model_copy(update={name: value})
        elif kind == "tag gone":
            self.tags.pop(edit[1], None)
        elif kind == "setting":
            _, name, value = edit
            self.settings = self.settings.model_copy(update={name: value})
        elif kind == "media":
            self._media(*edit[1:])

    def _media(self, position: int, change: str, fact: str, data: st.DataObject) -> None:
        with_clips = [e for e in self.entries if e.clips]
        if not with_clips:
            return
        entry = with_clips[position % len(with_clips)]
        ref = ClipRef(entry.slug, position % len(entry.clips))
        known = self.clips.get(ref)
        if change == "failed":
            self.clips.pop(ref, None)
            self.failures[ref] = MediaError(f"could not transcode <{fact}>")
        elif change == "gone":
            self.clips.pop(ref, None)
            self.failures.pop(ref, None)
        elif change == "new rendition":
            digest = data.draw(st.sampled_from("defgh"))
            self.failures.pop(ref, None)
            self.clips[ref] = _clip(ref, digest, known.facts if known else None)
        elif known is not None:
            field = next(f for f in dataclasses.fields(MediaFacts) if f.name == fact)
            kind = field.type.split(" | ")[0]
            value = data.draw(
                FACT_VALUES[{"int": int, "float": float, "str": str, "bool": bool}[kind]]
            )
            self.clips[ref] = replace(known, facts=replace(known.facts, **{fact: value}))


def _clip(ref: ClipRef, digest: str, facts: MediaFacts | None) -> ClipMedia:
    facts = facts or MediaFacts(kind="video", width=320, height=180, duration=3.0, fps=24.0)
    return ClipMedia(
        ref=ref,
        source_sha256=digest * 64,
        facts=facts,
        renditions=(
            Rendition(
                Role.VIDEO, Path("/c/v.mp4"), f"media/{digest}/video.mp4", "video/mp4", 320, 180
            ),
            Rendition(Role.POSTER, Path("/c/p.jpg"), f"media/{digest}/poster.jpg", "image/jpeg"),
        ),
    )


def _render(magazine: Magazine, media: MediaIndex, memo: PageMemo | None) -> RenderedSite | str:
    try:
        return render_pages(magazine, media, home=True, memo=memo)
    except Exception as exc:  # compared with the fresh render's failure
        return f"{type(exc).__name__}: {exc}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDITS, min_size=1, max_size=6))
def test_any_sequence_of_edits_renders_what_a_fresh_render_does(edits: list[Any]) -> None:
    world = World(magazine(), media_index())
    memo = PageMemo(later=True)
    render_pages(world.magazine(), world.media(), home=True, memo=memo)
    for edit in edits:
        world.apply(edit)
        now, media = world.magazine(), world.media()
        kept, fresh = _render(now, media, memo), _render(now, media, None)
        if isinstance(fresh, str) or isinstance(kept, str):
            assert kept == fresh
            return  # a render that failed leaves the preview showing its problem
        assert sorted(kept.files) == sorted(fresh.files)
        for path, page in fresh.files.items():
            assert kept.files[path].data == page.data, path
        assert kept.snippets == fresh.snippets
        assert kept.nav == fresh.nav
