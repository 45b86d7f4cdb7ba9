"""Published image originals: only known types, under their own extension, without metadata."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import av
import pytest

from generator.media.originals import clean_original
from tests.build_fixtures import invoke, write_small_magazine
from tests.media_fixtures import jpeg_with_exif, run
from tests.media_fixtures import testsrc as pattern

SCRIPT = b"<script>alert(document.domain)</script>"
EVIL_PPM = b"P6\n# " + SCRIPT + b"\n4 4\n255\n" + bytes(range(48))


def frame_bytes(path: Path) -> bytes:
    with av.open(str(path)) as container:
        frame = next(container.decode(video=0)).reformat(format="rgb24")
        return bytes(frame.planes[0])


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("plain")
    made = {}
    for name, extra in [
        ("plain.jpg", []),
        ("plain.png", []),
        ("plain.webp", ["-c:v", "libwebp", "-lossless", "1"]),
        ("plain.gif", []),
    ]:
        run(*pattern("64x48"), "-frames:v", "1", "-update", "1", *extra, str(folder / name))
        made[name.split(".")[1]] = folder / name
    return made


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def _riff_chunk(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("<I", len(body)) + body + (b"\0" if len(body) & 1 else b"")


GPS = b"GPSLatitude 37.5665 TestCam"


def dirty(kind: str, clean: bytes) -> bytes:
    """The clean file with private metadata put where each format keeps it, and a tail."""
    if kind == "jpg":
        exif = jpeg_with_exif(clean, orientation=6)
        xmp = b"http://ns.adobe.com/xap/1.0/\0" + GPS
        app1 = b"\xff\xe1" + struct.pack(">H", len(xmp) + 2) + xmp
        comment = b"\xff\xfe" + struct.pack(">H", len(GPS) + 2) + GPS
        iptc = b"Photoshop 3.0\0" + GPS
        app13 = b"\xff\xed" + struct.pack(">H", len(iptc) + 2) + iptc
        return exif[:2] + app1 + comment + app13 + exif[2:] + SCRIPT
    if kind == "png":
        head, tail = clean[:33], clean[33:]  # the signature and IHDR come first
        text = _png_chunk(b"tEXt", b"Comment\0" + GPS)
        tiff = jpeg_with_exif(b"\xff\xd8", orientation=1)[12:]  # a valid EXIF with a GPS block
        exif = _png_chunk(b"eXIf", tiff)
        return head + text + exif + tail + SCRIPT
    if kind == "webp":
        (width, height) = (64, 48)
        flags = 0x08 | 0x04
        vp8x = _riff_chunk(
            b"VP8X",
            bytes([flags, 0, 0, 0])
            + (width - 1).to_bytes(3, "little")
            + (height - 1).to_bytes(3, "little"),
        )
        body = vp8x + clean[12:] + _riff_chunk(b"EXIF", GPS) + _riff_chunk(b"XMP ", GPS)
        return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body + SCRIPT
    assert kind == "gif"
    flags = clean[10]
    start = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    comment = b"\x21\xfe" + bytes([len(GPS)]) + GPS + b"\0"
    app = b"\x21\xff\x0bXMP DataXMP" + bytes([len(GPS)]) + GPS + b"\0"
    return clean[:start] + comment + app + clean[start:] + SCRIPT


CODECS = {"jpg": "mjpeg", "png": "png", "webp": "webp", "gif": "gif"}


@pytest.mark.parametrize("kind", ["jpg", "png", "webp", "gif"])
def test_metadata_and_trailing_bytes_are_removed_and_the_picture_kept(
    plain: dict[str, Path], tmp_path: Path, kind: str
) -> None:
    source = plain[kind]
    messy = tmp_path / f"messy.{kind}"
    messy.write_bytes(dirty(kind, source.read_bytes()))
    assert frame_bytes(messy) == frame_bytes(source)  # the test file itself is valid

    cleaned = clean_original(messy.read_bytes(), CODECS[kind])

    assert cleaned is not None
    extension, _mime, data = cleaned
    assert extension == kind
    assert GPS not in data and b"GPS" not in data and SCRIPT not in data
    for marker in (b"eXIf", b"tEXt", b"Exif\0\0II", b"XMP", b"Photoshop"):
        assert marker not in data
    out = tmp_path / f"clean.{kind}"
    out.write_bytes(data)
    assert frame_bytes(out) == frame_bytes(source)


def test_a_jpeg_keeps_only_its_orientation(plain: dict[str, Path], tmp_path: Path) -> None:
    data = jpeg_with_exif(plain["jpg"].read_bytes(), orientation=6)
    cleaned = clean_original(data, "mjpeg")
    assert cleaned is not None
    body = cleaned[2]
    assert body.count(b"Exif\0\0") == 1 and b"N\0" not in body.split(b"\xff\xdb")[0]
    out = tmp_path / "rotated.jpg"
    out.write_bytes(body)
    # ffmpeg reads the orientation back: it reports the display matrix of a quarter turn.
    with av.open(str(out)) as container:
        frame = next(container.decode(video=0))
        assert frame.rotation in (90, -90, 270)
    upright = clean_original(jpeg_with_exif(plain["jpg"].read_bytes(), orientation=1), "mjpeg")
    assert upright is not None and b"Exif" not in upright[2]


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (EVIL_PPM, "ppm"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "mjpeg"),  # cut short
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", "png"),
        (b"RIFF\xff\xff\xff\x00WEBPVP8 ", "webp"),
        (b"GIF89a\x01\x00\x01\x00\x00\x00\x00!", "gif"),
        (b"\x00\x00\x00\x1cftypavif", "av1"),
    ],
)
def test_unknown_types_and_files_that_cannot_be_walked_are_not_published(
    data: bytes, codec: str
) -> None:
    assert clean_original(data, codec) is None


def test_the_site_publishes_no_script_as_an_original_and_no_gps(
    tmp_path: Path, plain: dict[str, Path]
) -> None:
    root = write_small_magazine(tmp_path / "mag")
    media = root / "entries/2025/02/media"
    (media / "evil.html").write_bytes(EVIL_PPM)
    (media / "photo.jpg").write_bytes(dirty("jpg", plain["jpg"].read_bytes()))
    runway = root / "entries/2025/02/runway.yml"
    runway.write_text(
        runway.read_text("utf-8").replace(
            "  - file: media/runway.mp4",
            "  - file: media/runway.mp4\n  - file: media/evil.html\n  - file: media/photo.jpg",
        ),
        encoding="utf-8",
    )

    result = invoke(root, "build")

    assert result.exit_code == 0, result.output
    site = root / "site"
    published = sorted(p for p in (site / "media").rglob("*") if p.is_file())
    assert [p for p in published if p.suffix not in {".mp4", ".jpg", ".webp"}] == []
    originals = [p for p in published if p.name.startswith("original")]
    assert len(originals) == 1 and originals[0].suffix == ".jpg"
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert SCRIPT not in data and GPS not in data, path
    pages = [p.read_text("utf-8") for p in site.rglob("*.html")]
    assert any(originals[0].name in page for page in pages)
    assert not any("original.html" in page for page in pages)
