"""The arithmetic of the measures: figures taken from each decoded frame, then combined.

`Frames` receives the raw 8-bit 4:2:0 frames of one clip at the analysis size, one at a
time, and keeps only small per-frame figures (never the frames); `Frames.result` turns them
into a `Measured`. What each measure is, and whose rule it follows, is in `media/measure.py`.
The only numpy user.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from .renditions import Measured

ANALYSIS_VERSION = 1
"""Bump when a measure changes; every cached measurement is then taken again."""

Gray = npt.NDArray[np.float32]

_HI, _LO, _FRAC = 64 * 12, 64 * 5, 0.33  # mpdecimate's defaults
_FREEZE_SECONDS = 0.5
_SCENE_THRESHOLD = 10.0  # scdet's default, in percent
_BLACK_PIXEL, _BLACK_PICTURE = 0.10, 0.98  # blackdetect's pix_th, pic_th
_BAR_LUMA, _BAR_SHARE = 0.06, 0.05
_CLIP_LOW, _CLIP_HIGH = 0.01, 0.99
_FLASH_LUMINANCE, _FLASH_DARK, _RED_CHANGE = 0.1, 0.8, 20.0
_FLASHES = 3
_TIMELINE = 48
_PLACES = 4
SAMPLED = 8.0  # pictures a second measured for detail, sharpness, contrast and colour


@dataclass
class Frames:
    """Per-frame figures gathered as frames arrive; `result` turns them into measures."""

    width: int
    height: int
    stride: int = 1
    """Pictures are measured on every `stride`-th frame; changes over time on every frame."""
    count: int = 0
    ti: list[float] = field(default_factory=list)
    si: list[float] = field(default_factory=list)
    laplacian: list[float] = field(default_factory=list)
    luma: list[float] = field(default_factory=list)
    spread: list[float] = field(default_factory=list)
    clipped: list[float] = field(default_factory=list)
    colour: list[float] = field(default_factory=list)
    black: list[bool] = field(default_factory=list)
    repeat: list[bool] = field(default_factory=list)
    scene: list[float | None] = field(default_factory=list)
    regions: list[npt.NDArray[np.float64]] = field(default_factory=list)
    row_peak: npt.NDArray[np.uint8] | None = None
    column_peak: npt.NDArray[np.uint8] | None = None
    _previous: Gray | None = None
    _distinct: Gray | None = None
    _mafd: float | None = None

    @property
    def frame_bytes(self) -> int:
        """Bytes of one raw yuv420p frame at the analysis size."""
        return self.width * self.height * 3 // 2

    def add(self, raw: bytes) -> None:
        """Measure one raw yuv420p frame."""
        w, h = self.width, self.height
        planes = np.frombuffer(raw, dtype=np.uint8)
        codes = planes[: w * h].reshape(h, w)
        y = codes.astype(np.float32)
        if self.count % self.stride == 0:
            full = np.clip((y - 16.0) * (1.0 / 219.0), 0.0, 1.0)
            u = planes[w * h : w * h * 5 // 4].reshape(h // 2, w // 2).astype(np.float32)
            v = planes[w * h * 5 // 4 :].reshape(h // 2, w // 2).astype(np.float32)
            self.si.append(_spatial_information(y))
            self.laplacian.append(_laplacian_spread(y))
            self.spread.append(float(full.std()))
            self.clipped.append(float(((full <= _CLIP_LOW) | (full >= _CLIP_HIGH)).mean()))
            self.colour.append(_colourfulness(_rgb(_pool(y, 2), u, v)))
        self.count += 1
        # Every frame: figures taken on the 8-bit codes, thresholds turned into codes.
        self.luma.append(min(1.0, max(0.0, (float(codes.mean()) - 16.0) / 219.0)))
        black = np.count_nonzero(codes <= _code(_BLACK_PIXEL)) >= _BLACK_PICTURE * codes.size
        self.black.append(bool(black))
        self.regions.append(_flash_regions(_rgb(*_shrunk(planes, w, h))))
        if not black:
            rows, columns = codes.max(axis=1), codes.max(axis=0)
            if self.row_peak is None or self.column_peak is None:
                self.row_peak, self.column_peak = rows, columns
            else:
                self.row_peak = np.maximum(self.row_peak, rows)
                self.column_peak = np.maximum(self.column_peak, columns)
        if self._previous is None:
            self.repeat.append(False)
            self.scene.append(None)
            self._distinct = y
        else:
            assert self._distinct is not None
            change = y - self._distinct
            difference = np.abs(change)
            repeated = _repeats(difference)
            self.repeat.append(repeated)
            if repeated:
                # A repeated picture has not moved: what an encoder leaves in it is not motion.
                self.ti.append(0.0)
                self.scene.append(None)
            else:
                since = change if self._previous is self._distinct else y - self._previous
                self.ti.append(float(since.std()))
                mafd = float(difference.mean()) * 100.0 / 256.0
                score = None if self._mafd is None else min(mafd, abs(mafd - self._mafd))
                self.scene.append(score)
                self._mafd = mafd
                self._distinct = y
        self._previous = y

    def result(self, duration: float, *, still: bool) -> Measured:
        """The measures these frames give for a clip `duration` seconds long."""
        base: dict[str, Any] = {
            "width": self.width,
            "height": self.height,
            "version": ANALYSIS_VERSION,
            "frames": self.count,
        }
        if self.count == 0:
            return Measured(**base)
        pictures: dict[str, Any] = {
            "detail": _mean(self.si),
            "sharpness": _mean(self.laplacian),
            "brightness": _mean(self.luma),
            "contrast": _mean(self.spread),
            "clipped_share": _mean(self.clipped),
            "colourfulness": _mean(self.colour),
        }
        if still:
            return Measured(**base, **pictures)
        step = duration / self.count if duration > 0 else 0.0
        moving: dict[str, Any] = {
            "black_share": _round(sum(self.black) / self.count),
            "letterbox": self._letterbox(),
        }
        if self.count >= 2 and step > 0:
            distinct = self.count - sum(self.repeat)
            moving |= {
                "effective_fps": _round(distinct / duration),
                "frozen_share": _round(self._frozen_frames(step) / self.count),
                "motion": _mean(self.ti),
                "flicker": self._flicker(),
                "flash_risk": self._flash_risk(step) if duration >= 1.0 else None,
                "cuts": tuple(
                    _round(i * step)
                    for i, score in enumerate(self.scene)
                    if score is not None and score >= _SCENE_THRESHOLD
                ),
            }
        return Measured(**base, **pictures, **moving, timeline=self._timeline(step))

    def _frozen_frames(self, step: float) -> int:
        """Frames inside runs of one picture lasting at least `_FREEZE_SECONDS`."""
        runs: list[int] = []
        for repeated in self.repeat:
            if repeated and runs:
                runs[-1] += 1
            else:
                runs.append(1)
        return sum(run for run in runs if run * step >= _FREEZE_SECONDS - 1e-9)

    def _flicker(self) -> float | None:
        if self.count < 3:
            return None
        luma = np.asarray(self.luma)
        padded = np.pad(luma, 2, mode="edge")
        window = np.lib.stride_tricks.sliding_window_view(padded, 5)
        return _round(float(np.abs(luma - np.median(window, axis=1)).mean()))

    def _flash_risk(self, step: float) -> bool:
        series = np.asarray(self.regions)  # frames × (luminance, red) × regions
        window = max(1, round(1.0 / step))
        for region in range(series.shape[2]):
            for kind, threshold in ((0, _FLASH_LUMINANCE), (1, _RED_CHANGE)):
                changes = _transitions(series[:, kind, region], threshold, dark=kind == 0)
                if _most_in_window(changes, window) > 2 * _FLASHES:
                    return True
        return False

    def _letterbox(self) -> bool | None:
        if self.row_peak is None or self.column_peak is None:
            return None  # every frame black: there is no picture to frame
        rows = _edge_bars(self.row_peak) / self.height
        columns = _edge_bars(self.column_peak) / self.width
        if rows >= 0.9 or columns >= 0.9:
            return False  # a dark picture, not bars
        return bool(rows >= _BAR_SHARE or columns >= _BAR_SHARE)

    def _timeline(self, step: float) -> tuple[tuple[float, float, float], ...]:
        if self.count < 2 or step <= 0:
            return ()
        buckets = min(_TIMELINE, self.count)
        # The first frame has no change of its own: it is drawn as moving like the second.
        motion = [self.ti[0], *self.ti]
        out = []
        for number in range(buckets):
            start = number * self.count // buckets
            end = max(start + 1, (number + 1) * self.count // buckets)
            out.append(
                (
                    _round(start * step),
                    _round(sum(motion[start:end]) / (end - start)),
                    _round(sum(self.luma[start:end]) / (end - start)),
                )
            )
        return tuple(out)


def _spatial_information(y: Gray) -> float:
    gx = (y[:-2, 2:] + 2 * y[1:-1, 2:] + y[2:, 2:]) - (y[:-2, :-2] + 2 * y[1:-1, :-2] + y[2:, :-2])
    gy = (y[2:, :-2] + 2 * y[2:, 1:-1] + y[2:, 2:]) - (y[:-2, :-2] + 2 * y[:-2, 1:-1] + y[:-2, 2:])
    return float(np.sqrt(gx * gx + gy * gy).std())


def _laplacian_spread(y: Gray) -> float:
    centre = y[1:-1, 1:-1]
    laplacian = y[:-2, 1:-1] + y[2:, 1:-1] + y[1:-1, :-2] + y[1:-1, 2:] - 4 * centre
    return float(laplacian.std())


def _repeats(difference: Gray) -> bool:
    """Whether a frame this far (absolute difference) from the last distinct one repeats it."""
    h, w = (difference.shape[0] // 8) * 8, (difference.shape[1] // 8) * 8
    # Summed along rows first (contiguous), then down the columns: the same sums, faster.
    rows = difference[:h, :w].reshape(h, w // 8, 8).sum(axis=2)
    blocks = rows.reshape(h // 8, 8, w // 8).sum(axis=1)
    if blocks.size == 0:
        return bool(difference.max(initial=0.0) == 0)
    return bool(blocks.max() <= _HI and (blocks > _LO).mean() < _FRAC)


def _code(luma: float) -> int:
    """The highest 8-bit video-range code at or below a luma of 0–1."""
    return int(16 + luma * 219)


def _shrunk(planes: npt.NDArray[np.uint8], w: int, h: int) -> tuple[Gray, Gray, Gray]:
    """Y, U and V averaged down to an eighth of the analysis size (enough for region means)."""
    y = planes[: w * h].reshape(h, w)
    u = planes[w * h : w * h * 5 // 4].reshape(h // 2, w // 2)
    v = planes[w * h * 5 // 4 :].reshape(h // 2, w // 2)
    n = 4 if min(h, w) >= 16 else 1
    return _pool(y, 2 * n), _pool(u, n), _pool(v, n)


def _pool(plane: npt.NDArray[Any], n: int) -> Gray:
    h, w = plane.shape[0] // n, plane.shape[1] // n
    pooled: Gray = plane[: h * n, : w * n].reshape(h, n, w, n).mean(axis=(1, 3), dtype=np.float32)
    return pooled


def _rgb(y: Gray, u: Gray, v: Gray) -> Gray:
    """8-bit RGB from planes of one size (BT.709, video range in)."""
    luma = (y - 16.0) * (255.0 / 219.0)
    cb = (u - 128.0) * (255.0 / 224.0)
    cr = (v - 128.0) * (255.0 / 224.0)
    rgb = np.stack(
        (luma + 1.5748 * cr, luma - 0.1873 * cb - 0.4681 * cr, luma + 1.8556 * cb), axis=-1
    )
    clipped: Gray = np.clip(rgb, 0.0, 255.0).astype(np.float32)
    return clipped


def _colourfulness(rgb: Gray) -> float:
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    rg = r - g
    yb = 0.5 * (r + g) - b
    spread = math.sqrt(float(rg.std()) ** 2 + float(yb.std()) ** 2)
    centre = math.sqrt(float(rg.mean()) ** 2 + float(yb.mean()) ** 2)
    return spread + 0.3 * centre


def _flash_regions(rgb: Gray) -> npt.NDArray[np.float64]:
    """Relative luminance and saturated red of the whole frame and of each quarter."""
    unit = rgb / 255.0
    linear = np.where(unit <= 0.04045, unit / 12.92, ((unit + 0.055) / 1.055) ** 2.4)
    luminance = linear @ np.asarray([0.2126, 0.7152, 0.0722], dtype=np.float32)
    total = linear.sum(axis=-1)
    red_share = np.divide(linear[..., 0], total, out=np.zeros_like(total), where=total > 0)
    red = np.where(
        red_share >= 0.8,
        np.maximum(0.0, linear[..., 0] - linear[..., 1] - linear[..., 2]) * 320.0,
        0.0,
    )
    h, w = luminance.shape
    parts = [(slice(None), slice(None))] + [
        (rows, columns)
        for rows in (slice(0, h // 2), slice(h // 2, None))
        for columns in (slice(0, w // 2), slice(w // 2, None))
    ]
    return np.asarray(
        [
            [float(luminance[part].mean()) if luminance[part].size else 0.0 for part in parts],
            [float(red[part].mean()) if red[part].size else 0.0 for part in parts],
        ]
    )


def _transitions(series: npt.NDArray[np.float64], threshold: float, *, dark: bool) -> list[int]:
    """Frames where the series turns by at least `threshold` against its last extreme.

    For luminance (`dark`), a change counts only when its darker state is below 0.8.
    """
    changes: list[int] = []
    low = high = float(series[0])
    rising: bool | None = None
    for index, raw in enumerate(series):
        value = float(raw)
        if rising is not True and value - low >= threshold and (not dark or low < _FLASH_DARK):
            changes.append(index)
            rising, high = True, value
        elif (
            rising is not False and high - value >= threshold and (not dark or value < _FLASH_DARK)
        ):
            changes.append(index)
            rising, low = False, value
        if rising is not False:
            high = max(high, value)
        if rising is not True:
            low = min(low, value)
    return changes


def _most_in_window(changes: Sequence[int], window: int) -> int:
    most = 0
    start = 0
    for end, frame in enumerate(changes):
        while frame - changes[start] >= window:
            start += 1
        most = max(most, end - start + 1)
    return most


def _edge_bars(peaks: npt.NDArray[np.uint8]) -> int:
    dark = peaks <= _code(_BAR_LUMA)
    if bool(dark.all()):
        return int(dark.size)
    leading = int(np.argmin(dark))
    trailing = int(np.argmin(dark[::-1]))
    return leading + trailing


def _mean(values: Sequence[float]) -> float | None:
    return _round(sum(values) / len(values)) if values else None


def _round(value: float) -> float:
    """A finite value, rounded so that output stays byte-stable (NaN never leaves here)."""
    return round(value, _PLACES) if math.isfinite(value) else 0.0
