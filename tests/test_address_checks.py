"""Every address a writer or the command line supplies is checked where it enters.

Site address, media host, repository and social links in mkdocs.yml, a service's home page in
services.yml, clip URLs and `--site-url`: http(s) only, a host, no credentials, no query or
fragment where paths are appended, nothing unencoded. A bad one is a located problem (exit 1)
or names its option (exit 2), and nothing is built or published.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.addresses import address_problem
from generator.cli import main
from tests.build_fixtures import invoke, write_small_magazine
from tests.magazine_fixtures import MKDOCS, SERVICES, write_magazine

# Which rule a problem names, and where, read in its English wording (see test_messages).
pytestmark = pytest.mark.usefixtures("english_messages")

SECRET = "PASSWORD-77e1"

HOSTILE_BASES = [
    ('https://example.org/"><script>alert(1)</script>', "cannot contain '\"'"),
    (f"https://user:{SECRET}@example.org/mag/", "user name or password"),
    ("https://example.org/my magazine/", "spaces or control characters"),
    ("https://example.org/mag/?X-Signature=abc", "query string"),
    ("https://example.org/mag/#top", "query string"),
    ("https:///mag/", "has no host name"),
    ("https://", "has no host name"),
    ("javascript:alert(1)//", "got javascript:"),
    ("data:text/html,<b>x</b>", "got data:"),
    ("ftp://example.org/", "got ftp:"),
    ("https://example.org/50%off/", "% not followed by two hex digits"),
    ("https://example.org/잡지/", "percent-encode"),
    ("https://example.org/a'b/", 'cannot contain "\'"'),
    ("https://example.org/a<b>/", "cannot contain '<'"),
    ("https://example.org/a\x1b[2J/", "control characters"),
    ("https://example.org:99999/", "not a valid URL"),
    ("https://exa_mple..org/", "no valid host name"),
]


@pytest.mark.parametrize(("url", "expected"), HOSTILE_BASES)
def test_hostile_base_addresses_are_refused(url: str, expected: str) -> None:
    wrong = address_problem(url, base=True)
    assert wrong is not None and expected in str(wrong)
    assert SECRET not in str(wrong)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/",
        "https://user.github.io/repo/",
        "http://127.0.0.1:8000/",
        "https://[::1]:8443/mag/",
        "https://xn--3e0b707e.example/%EC%9E%A1%EC%A7%80/",
        "https://example.org/a-b_c.~!$&()*+,;=:@/",
    ],
)
def test_proper_addresses_pass(url: str) -> None:
    assert address_problem(url, base=True) is None


def test_a_link_may_have_a_query_and_a_clip_url_credentials() -> None:
    assert address_problem("https://klingai.com/?lang=ko#video") is None
    assert address_problem("https://example.org/?a=1", base=True) is not None
    signed = f"https://u:{SECRET}@cdn.example/clip.mp4?sig=1"
    assert address_problem(signed, credentials=True) is None
    assert "password" in str(address_problem(signed))


def _checked(root: Path) -> tuple[int, list[str]]:
    result = invoke(root, "check")
    return result.exit_code, result.output.splitlines()


@pytest.mark.parametrize(("url", "expected"), HOSTILE_BASES)
def test_a_hostile_site_url_in_mkdocs_yml_is_a_located_problem(
    tmp_path: Path, url: str, expected: str
) -> None:
    quoted = url.replace("\\", "\\\\").replace('"', '\\"').replace("\x1b", "\\e")
    mkdocs = MKDOCS.replace("site_url: https://example.org/magazine/", f'site_url: "{quoted}"')
    code, lines = _checked(write_magazine(tmp_path / "m", mkdocs=mkdocs))
    assert code == 1
    assert lines[0].startswith("mkdocs.yml:2:11: site_url: "), lines
    assert expected in lines[0]
    assert SECRET not in "\n".join(lines)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"https://user:{SECRET}@media.example/", "user name or password"),
        ("https://media.example/m/?X-Amz-Signature=abc", "query string"),
        ("https://", "has no host name"),
        ("https:// media.example/", "spaces or control characters"),
        ("https://media.example/\"onerror='x'", "cannot contain"),
        ("//media.example/", "got no scheme"),
    ],
)
def test_a_hostile_media_base_url_is_a_located_problem(
    tmp_path: Path, url: str, expected: str
) -> None:
    mkdocs = MKDOCS + f"    media_base_url: '{url.replace(chr(39), chr(39) * 2)}'\n"
    code, lines = _checked(write_magazine(tmp_path / "m", mkdocs=mkdocs))
    assert code == 1
    assert lines[0].startswith("mkdocs.yml:12:21: extra.magazine.media_base_url: "), lines
    assert expected in lines[0]
    assert SECRET not in "\n".join(lines)


@pytest.mark.parametrize(
    ("line", "field", "expected"),
    [
        ("repo_url: javascript:alert(1)", "repo_url", "got javascript:"),
        (f"repo_url: https://git:{SECRET}@github.com/me/mag", "repo_url", "password"),
        ("repo_url: https://github.com/me/mag?tab=1", "repo_url", "query string"),
        ('edit_uri: "edit/main/docs/\\"onclick=x"', "edit_uri", "cannot contain"),
    ],
)
def test_theme_addresses_in_mkdocs_yml_are_located_problems(
    tmp_path: Path, line: str, field: str, expected: str
) -> None:
    mkdocs = MKDOCS.replace("theme:\n", f"{line}\ntheme:\n")
    code, lines = _checked(write_magazine(tmp_path / "m", mkdocs=mkdocs))
    assert code == 1
    assert lines[0].startswith(f"mkdocs.yml:3:{len(field) + 3}: {field}: "), lines
    assert expected in lines[0]


def test_social_links_are_checked_and_mailto_kept(tmp_path: Path) -> None:
    social = (
        "  social:\n"
        "    - {icon: fontawesome/solid/envelope, link: 'mailto:me@example.org'}\n"
        "    - {icon: fontawesome/brands/github, link: 'javascript:alert(1)'}\n"
    )
    mkdocs = MKDOCS.replace("extra:\n", "extra:\n" + social)
    code, lines = _checked(write_magazine(tmp_path / "m", mkdocs=mkdocs))
    assert code == 1
    assert lines[:-1] == [
        "mkdocs.yml:12:47: extra.social[1].link: must be an https:// URL (got javascript:)"
    ]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("javascript:alert(1)", "got javascript:"),
        ("data:text/html;base64,PGI+eDwvYj4=", "got data:"),
        ("https//klingai.com", "got no scheme"),
        ("https://kling ai.com", "spaces or control characters"),
        (f"https://u:{SECRET}@klingai.com/", "password"),
        ('https://klingai.com/"><img src=x onerror=alert(1)>', "cannot contain"),
    ],
)
def test_a_hostile_service_url_is_a_located_problem(
    tmp_path: Path, url: str, expected: str
) -> None:
    quoted = url.replace("'", "''")
    services = SERVICES.replace("  vendor: OpenAI\n", f"  vendor: OpenAI\n  url: '{quoted}'\n")
    code, lines = _checked(write_magazine(tmp_path / "m", services=services))
    assert code == 1
    assert lines[0].startswith("entries/services.yml:4:8: sora.url: "), lines
    assert expected in lines[0]
    assert SECRET not in "\n".join(lines)


@pytest.mark.parametrize("command", ["build", "deploy"])
@pytest.mark.parametrize(("url", "expected"), HOSTILE_BASES[:6])
def test_a_hostile_site_url_option_names_the_option_and_builds_nothing(
    tmp_path: Path, command: str, url: str, expected: str
) -> None:
    root = write_magazine(tmp_path / "m")
    result = invoke(root, command, "--site-url", url)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("usage error: --site-url: "), result.output
    assert expected in result.output
    assert SECRET not in result.output
    assert not (root / "site").exists() and not (root / ".magazine").exists()


_PIECES = st.sampled_from(
    [
        "https://",
        "http://",
        "javascript:",
        "//",
        "user:pw@",
        "example.org",
        "[::1]",
        ":8080",
        "/",
        "a",
        "%",
        "%2F",
        "?",
        "#",
        '"',
        "'",
        "<",
        " ",
        "\x1b",
        "\u202e",
        "한",
        "@",
        "..",
        "\\",
    ]
)


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(_PIECES, max_size=8).map("".join)))
def test_whatever_passes_is_a_publishable_base_address(url: str) -> None:
    if address_problem(url, base=True) is not None:
        return
    parts = urlsplit(url)
    assert parts.scheme.lower() in ("http", "https") and parts.hostname
    assert "@" not in parts.netloc and "?" not in url and "#" not in url
    assert all(char.isascii() and char.isprintable() for char in url)
    assert not set(url) & set("\"'<>\\ `{}|^")


def test_addresses_from_inherit_and_env_are_checked_as_mkdocs_reads_them(tmp_path: Path) -> None:
    root = write_small_magazine(tmp_path / "m")
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8").replace("site_url: https://example.org/magazine/\n", "")
    config.write_text(
        "INHERIT: base.yml\nrepo_url: !ENV [MAG_REPO, 'https://github.com/me/mag']\n" + text,
        encoding="utf-8",
    )
    (root / "base.yml").write_text(
        f"site_url: 'https://user:{SECRET}@example.org/\"><script>alert(1)</script>'\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["--root", str(root), "build", "-q"], env={"MAG_REPO": "javascript:alert(1)//"}
    )
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("mkdocs.yml: repo_url: must be an https:// URL (got javascript:)")
    assert lines[1].startswith("mkdocs.yml: site_url: a URL cannot contain")
    assert SECRET not in result.output
    assert not (root / "site").exists()
