"""Write a synthetic magazine of N entries for benchmarks.

The entries look like a real magazine's: a dozen services, prompts shared by groups of services
(so comparisons exist), every status, Korean and English text, several years of months, and the
same mkdocs.yml theme features as the example magazine. Delivered entries need a clip, so every
one of them points at one of two small stand-in files made once with ffmpeg (a 1 s video and a
still image): the pages carry real players and images, while the media stage transcodes only
two sources (and nothing at all once its cache is warm).

Deterministic: the same N and seed give the same files.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

SERVICES = "sora kling midjourney veo runway pika hailuo luma firefly ideogram flux seedance"
SERVICES_LIST = SERVICES.split()
IMAGE_SERVICES = {"midjourney", "ideogram", "flux"}
STATUSES = ["delivered"] * 6 + [
    "pending",
    "waitlisted",
    "paywalled",
    "failed",
    "refused",
    "abandoned",
]
WORDS_KO = [
    "금빛",
    "불꽃",
    "대기열",
    "웨이팅리스트",
    "밤하늘",
    "종이배",
    "네온",
    "골목",
    "등불",
    "시장",
    "사람",
    "윤곽",
    "천천히",
    "소용돌이",
    "빗물",
    "도시",
]
WORDS_EN = [
    "golden",
    "sparks",
    "night",
    "sky",
    "paper",
    "boat",
    "neon",
    "alley",
    "lantern",
    "market",
    "silhouette",
    "slow",
    "motion",
    "rain",
    "city",
    "skyline",
]
CRITERIA = ("quality", "composition", "story", "camera", "consistency", "lighting", "colour")
KST = timezone(timedelta(hours=9))

MKDOCS_YML = """\
site_name: Synthetic magazine
theme:
  name: material
  language: ko
  features: [navigation.sections, navigation.indexes, navigation.top, search.suggest,
    search.highlight, content.code.copy, content.tooltips]
markdown_extensions: [abbr, admonition, attr_list, md_in_html, tables, {toc: {permalink: true}},
  pymdownx.details, pymdownx.superfences, {pymdownx.tabbed: {alternate_style: true}}]
plugins: [search, tags]
extra:
  magazine:
    timezone: Asia/Seoul
"""

VIDEO = "media/stand-in.mp4"
IMAGE = "media/stand-in.png"
"""The shared clips, relative to the magazine root."""


def write_magazine(root: Path, count: int, *, seed: int = 1, ffmpeg: str | None = None) -> Path:
    """Create (or replace) a magazine folder with `count` entries; returns its root.

    Args:
        ffmpeg: the ffmpeg to make the two stand-in clips with (default: imageio-ffmpeg's).
    """
    if root.exists():
        shutil.rmtree(root)
    entries = root / "entries"
    entries.mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Synthetic magazine\n\nFor benchmarks.\n")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    _write_clips(root, ffmpeg)
    (entries / "services.yml").write_text(_services(), encoding="utf-8")
    rng = random.Random(seed)
    start = datetime(2023, 1, 1, 9, 0, tzinfo=KST)
    prompts = max(1, count // 4)
    for n in range(count):
        service = SERVICES_LIST[n % len(SERVICES_LIST)]
        submitted = start + timedelta(hours=n * 7 + rng.randrange(5))
        lines = _entry(rng, n, service, submitted, rng.randrange(prompts))
        folder = entries / f"{submitted:%Y}" / f"{submitted:%m}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"trial-{n:05d}-{service}.yml").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
    return root


def _entry(
    rng: random.Random, n: int, service: str, submitted: datetime, prompt_id: int
) -> list[str]:
    prompt_rng = random.Random(prompt_id)
    prompt = " ".join(prompt_rng.choice(WORDS_EN) for _ in range(24))
    status = rng.choice(STATUSES)
    lines = [
        f"title: {' '.join(rng.choice(WORDS_KO) for _ in range(4))} {n}",
        f"service: {service}",
        "model: v1",
        "plan: free",
        "prompt: |",
        *(f"  {line}" for line in _wrap(prompt)),
        f"submitted_at: {submitted.isoformat()}",
        f"promised_wait: {rng.choice(['5m', '1h', '3h', '1d'])}",
        f"status: {status}",
    ]
    if status == "delivered":
        delivered = submitted + timedelta(minutes=rng.randrange(1, 3000))
        clip = IMAGE if service in IMAGE_SERVICES else VIDEO
        lines += [
            f"delivered_at: {delivered.isoformat()}",
            "clips:",
            f"  - file: ../../../{clip}",
            "    stand_in: true",
            "ratings: {" + ", ".join(f"{k}: {rng.randint(1, 5)}" for k in CRITERIA) + "}",
            "verdict: " + " ".join(rng.choice(WORDS_KO) for _ in range(6)),
        ]
    else:
        lines.append(f"checked_at: {(submitted + timedelta(hours=48)).isoformat()}")
    lines.append(f"cost: {{amount: {rng.randrange(0, 50)}, unit: credits}}")
    lines.append("notes: |")
    notes = " ".join(rng.choice(WORDS_KO + WORDS_EN) for _ in range(80))
    lines.extend(f"  {line}" for line in _wrap(notes))
    kind = rng.choice(["text-to-video", "text-to-image"])
    lines.append(f"tags: [{kind}, {rng.choice(['night', 'city', 'slow-motion', 'waiting'])}]")
    return lines


def _services() -> str:
    return "".join(
        f"{key}:\n  name: {key.title()}\n  vendor: Vendor {i}\n  url: https://{key}.example\n"
        f"  kind: {'image' if key in IMAGE_SERVICES else 'video'}\n"
        f"  changes:\n    - date: 2024-0{1 + i % 9}-01\n"
        f"      access: {'waitlist' if i % 3 else 'free'}\n"
        "      note: opened to some\n"
        for i, key in enumerate(SERVICES_LIST)
    )


def _write_clips(root: Path, ffmpeg: str | None) -> None:
    if ffmpeg is None:
        import imageio_ffmpeg

        ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    (root / "media").mkdir()
    base = [ffmpeg, "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i"]
    video = ["testsrc2=s=160x120:d=1:r=24", "-c:v", "libx264", "-pix_fmt", "yuv420p"]
    subprocess.run([*base, *video, str(root / VIDEO)], check=True)
    image = ["testsrc2=s=160x120:d=1", "-frames:v", "1"]
    subprocess.run([*base, *image, str(root / IMAGE)], check=True)


def _wrap(text: str, width: int = 90) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines
