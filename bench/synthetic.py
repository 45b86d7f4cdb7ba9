"""Write a synthetic magazine of N entries (no clips) for benchmarks.

The entries look like a real magazine's: a dozen services, prompts shared by groups of services
(so comparisons exist), every status, Korean and English text, several years of months.
Deterministic: the same N gives the same files.
"""

from __future__ import annotations

import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

SERVICES = ["sora", "kling", "midjourney", "veo", "runway", "pika", "hailuo", "luma",
            "firefly", "ideogram", "flux", "seedance"]
STATUSES = ["delivered"] * 6 + ["pending", "waitlisted", "paywalled", "failed", "refused",
                                 "abandoned"]
WORDS_KO = ["금빛", "불꽃", "대기열", "웨이팅리스트", "밤하늘", "종이배", "네온", "골목", "등불",
            "시장", "사람", "윤곽", "천천히", "소용돌이", "빗물", "도시"]
WORDS_EN = ["golden", "sparks", "night", "sky", "paper", "boat", "neon", "alley", "lantern",
            "market", "silhouette", "slow", "motion", "rain", "city", "skyline"]
KST = timezone(timedelta(hours=9))


def write_magazine(root: Path, count: int, *, seed: int = 1) -> Path:
    """Create (or replace) a magazine folder with `count` entries; returns its root."""
    if root.exists():
        shutil.rmtree(root)
    entries = root / "entries"
    entries.mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Synthetic magazine\n\nFor benchmarks.\n")
    (root / "mkdocs.yml").write_text(
        "site_name: Synthetic magazine\n"
        "theme:\n  name: material\n  language: ko\n"
        "markdown_extensions: [admonition, attr_list, md_in_html, tables, pymdownx.details,\n"
        "  pymdownx.superfences, {pymdownx.tabbed: {alternate_style: true}}]\n"
        "plugins: [search, tags]\n"
        "extra:\n  magazine:\n    timezone: Asia/Seoul\n",
        encoding="utf-8",
    )
    services = "".join(
        f"{key}:\n  name: {key.title()}\n  vendor: Vendor {i}\n  url: https://{key}.example\n"
        f"  kind: {'image' if key in {'midjourney', 'ideogram', 'flux'} else 'video'}\n"
        f"  changes:\n    - date: 2024-0{1 + i % 9}-01\n      access: {'waitlist' if i % 3 else 'free'}\n"
        f"      note: opened to some\n"
        for i, key in enumerate(SERVICES)
    )
    (entries / "services.yml").write_text(services, encoding="utf-8")
    rng = random.Random(seed)
    start = datetime(2023, 1, 1, 9, 0, tzinfo=KST)
    prompts = max(1, count // 4)
    for n in range(count):
        prompt_id = rng.randrange(prompts)
        prompt_rng = random.Random(prompt_id)
        prompt = " ".join(prompt_rng.choice(WORDS_EN) for _ in range(24))
        service = SERVICES[n % len(SERVICES)]
        submitted = start + timedelta(hours=n * 7 + rng.randrange(5))
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
            lines.append(f"delivered_at: {delivered.isoformat()}")
            lines.append("ratings: {" + ", ".join(
                f"{key}: {rng.randint(1, 5)}"
                for key in ("quality", "composition", "story", "camera", "consistency",
                            "lighting", "colour")) + "}")
            lines.append("verdict: " + " ".join(rng.choice(WORDS_KO) for _ in range(6)))
        else:
            lines.append(f"checked_at: {(submitted + timedelta(hours=48)).isoformat()}")
        lines.append(f"cost: {{amount: {rng.randrange(0, 50)}, unit: credits}}")
        lines.append("notes: |")
        lines.extend(f"  {line}" for line in _wrap(" ".join(rng.choice(WORDS_KO + WORDS_EN)
                                                            for _ in range(80))))
        lines.append(f"tags: [{rng.choice(['text-to-video', 'text-to-image'])}, "
                     f"{rng.choice(['night', 'city', 'slow-motion', 'waiting'])}]")
        folder = entries / f"{submitted:%Y}" / f"{submitted:%m}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"trial-{n:05d}-{service}.yml").write_text("\n".join(lines) + "\n",
                                                             encoding="utf-8")
    return root


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
