from __future__ import annotations

import importlib
import io
from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from generator.errors import SiteError
from generator.site.builder import read_writer_config
from generator.site.config import (
    HEADING_SLUGS,
    SEARCH_SEPARATOR,
    Apply,
    Tag,
    derive_config,
    dump_config,
    merge_nav,
    pages_nav,
)

SECTIONS: list[Any] = [{"Services": "services/index.md"}, {"Tags": "tags.md"}]


def _derive(writer: dict[str, Any], tmp_path: Path, **kwargs: Any) -> dict[str, Any]:
    root = tmp_path / "mag"
    options: dict[str, Any] = {
        "root": root,
        "config_dir": root / ".magazine",
        "docs_dir": root / ".magazine" / "staging",
        "site_dir": root / ".magazine" / "site.build",
        "writer_pages": ["index.md", "about.md"],
        "nav": SECTIONS,
    }
    options.update(kwargs)
    return derive_config(writer, **options)


def test_paths_point_from_the_cache_folder(tmp_path: Path) -> None:
    writer = {
        "site_name": "M",
        "docs_dir": "docs",
        "theme": {"name": "material", "custom_dir": "overrides"},
        "hooks": ["hooks/mine.py"],
        "watch": ["includes"],
    }
    config = _derive(writer, tmp_path)

    assert config["docs_dir"] == "staging"
    assert config["site_dir"] == "site.build"
    assert config["theme"]["custom_dir"] == "../overrides"
    assert config["hooks"] == ["../hooks/mine.py"]
    assert config["watch"] == ["../includes"]
    assert writer["theme"] == {"name": "material", "custom_dir": "overrides"}


def test_generated_sections_follow_the_writer_nav(tmp_path: Path) -> None:
    writer = {"site_name": "M", "nav": [{"Home": "index.md"}, {"Services": "services/index.md"}]}
    config = _derive(writer, tmp_path)

    assert config["nav"] == [{"Home": "index.md"}, {"Services": "services/index.md"}, SECTIONS[1]]


def test_without_a_nav_the_writer_pages_come_first() -> None:
    pages = ["about.md", "essays/b.md", "index.md", "essays/index.md", "img/x.png"]

    assert pages_nav(pages) == [
        "index.md",
        "about.md",
        {"Essays": ["essays/index.md", "essays/b.md"]},
    ]
    assert merge_nav(None, SECTIONS, pages)[-2:] == SECTIONS


def test_a_home_page_without_a_title_is_called_home_in_the_site_language(tmp_path: Path) -> None:
    # Its heading is the site's name, which Material's phone drawer shows as its own title.
    derived = _derive({"site_name": "M"}, tmp_path, home_title="홈")
    assert derived["nav"][:2] == [{"홈": "index.md"}, "about.md"]
    generated_home = merge_nav(None, ["index.md", *SECTIONS], [], home_title="Home")
    assert generated_home == [{"Home": "index.md"}, *SECTIONS]
    titled = [{"Start": "index.md"}, "about.md"]
    assert merge_nav(titled, SECTIONS, [], home_title="홈")[:2] == titled


def test_search_and_tags_are_ensured_and_writer_options_kept(tmp_path: Path) -> None:
    bare = _derive({"site_name": "M"}, tmp_path)
    assert bare["plugins"] == [{"search": {"separator": SEARCH_SEPARATOR}}, "tags"]

    mine = _derive(
        {"site_name": "M", "plugins": {"search": {"separator": "[ ]+"}, "material/tags": None}},
        tmp_path,
    )
    assert mine["plugins"] == [{"search": {"separator": "[ ]+"}}, {"material/tags": None}]


def test_extensions_the_pages_need_are_added_and_writer_options_kept(tmp_path: Path) -> None:
    bare = _derive({"site_name": "M"}, tmp_path)
    assert bare["markdown_extensions"] == [
        "tables",
        "attr_list",
        "md_in_html",
        {"toc": {"slugify": HEADING_SLUGS}},
    ]

    mine = _derive(
        {"site_name": "M", "markdown_extensions": [{"toc": {"permalink": True}}, "attr_list"]},
        tmp_path,
    )
    assert mine["markdown_extensions"] == [
        {"toc": {"permalink": True, "slugify": HEADING_SLUGS}},
        "attr_list",
        "tables",
        "md_in_html",
    ]
    dumped = dump_config(mine)
    assert "!!python/object/apply:pymdownx.slugs.slugify" in dumped
    loaded = yaml_load(io.StringIO(dumped), get_yaml_loader())
    slugify = loaded["markdown_extensions"][0]["toc"]["slugify"]
    assert slugify("그리고 스토리", "-") == "그리고-스토리"


def test_heading_anchors_keep_hangul_and_tooltips_speak_the_site_language(
    tmp_path: Path,
) -> None:
    config = derive_config(
        {"site_name": "M", "markdown_extensions": [{"toc": {"permalink": True}}]},
        root=tmp_path,
        config_dir=tmp_path / ".magazine",
        docs_dir=tmp_path / ".magazine/staging/docs",
        site_dir=tmp_path / "site",
        writer_pages=[],
        nav=[],
        permalink_title="고정 링크",
    )
    toc = config["markdown_extensions"][0]["toc"]
    assert toc["permalink_title"] == "고정 링크"
    slug = markdown.Markdown(
        extensions=["toc"], extension_configs={"toc": {"slugify": _slugify(toc["slugify"])}}
    ).convert("## 그리고 스토리\n")
    assert 'id="그리고-스토리"' in slug


def _slugify(apply: Apply) -> object:
    module, _, name = apply.name.rpartition(".")
    return getattr(importlib.import_module(module), name)(**apply.kwds)


def test_link_checks_are_raised_and_omitted_files_stay_info(tmp_path: Path) -> None:
    config = _derive(
        {"site_name": "M", "validation": {"omitted_files": "warn", "anchors": "ignore"}}, tmp_path
    )

    assert config["validation"] == {
        "nav": {"omitted_files": "info"},
        "links": {"anchors": "warn", "unrecognized_links": "warn", "absolute_links": "warn"},
    }


def test_fonts_are_off_unless_the_writer_chose_some(tmp_path: Path) -> None:
    assert _derive({"site_name": "M", "theme": "material"}, tmp_path)["theme"] == {
        "name": "material",
        "font": False,
    }
    chosen = {"name": "material", "font": {"text": "Noto Sans KR"}}
    assert _derive({"site_name": "M", "theme": chosen}, tmp_path)["theme"]["font"] == {
        "text": "Noto Sans KR"
    }


def test_extra_assets_are_appended_once(tmp_path: Path) -> None:
    writer = {"site_name": "M", "extra_css": ["mine.css", "assets/magazine.css"]}
    config = _derive(
        writer, tmp_path, extra_css=["assets/magazine.css"], extra_javascript=["assets/m.js"]
    )

    assert config["extra_css"] == ["mine.css", "assets/magazine.css"]
    assert config["extra_javascript"] == ["assets/m.js"]


def test_dump_round_trips_through_the_mkdocs_loader(tmp_path: Path) -> None:
    from material.extensions.emoji import twemoji

    config = {
        "site_name": '잡지 "따옴표" \\ 백슬래시\n둘째 줄',
        "n": [1, 1.5, 1e-05, True, None, {}],
        "emoji": twemoji,
        "snippets": Tag("!relative", "$config_dir/../snippets"),
    }
    root = tmp_path / "mag"
    root.mkdir()
    (root / "mkdocs.yml").write_text(dump_config(config), encoding="utf-8")

    loaded = read_writer_config(root, root)

    assert loaded["site_name"] == config["site_name"]
    assert loaded["n"] == [1, 1.5, 1e-05, True, None, {}]
    assert loaded["emoji"] is twemoji
    assert loaded["snippets"] == Tag("!relative", "$config_dir/../snippets")


def test_values_that_cannot_be_written_are_refused() -> None:
    with pytest.raises(SiteError, match="object"):
        dump_config({"x": object()})
