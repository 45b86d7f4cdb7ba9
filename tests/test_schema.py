"""The JSON Schema of an entry agrees with what the loader accepts."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from generator.schema import entry_schema, schema_text
from generator.source.yamlsource import read_yaml
from tests.magazine_fixtures import DELIVERED, PENDING


def as_editor_sees(text: str) -> Any:
    """An entry as a YAML 1.2 editor sees it: timestamps are strings."""
    data = read_yaml(text.encode(), "e.yml").data
    return json.loads(json.dumps(data, default=lambda value: value.isoformat()))


def test_schema_has_id_title_and_field_descriptions() -> None:
    schema = entry_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == "urn:hands-on-magazine:entry"
    assert schema["title"] == "Hands-on magazine entry"
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"title", "service", "prompt", "submitted_at", "status"}
    for name, field in schema["properties"].items():
        assert field.get("description"), name


@pytest.mark.parametrize("text", [DELIVERED, PENDING])
def test_valid_entries_pass_the_schema(text: str) -> None:
    jsonschema.validate(as_editor_sees(text), entry_schema())


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (("status: ", "status: done  # "), "status"),
        (("service: sora", "service: sora\npromised_wiat: 3h"), None),
        (("promised_wait: 3h", "promised_wait: soon"), "promised_wait"),
        (("file: media/sparks-sora.mp4", "file: media/a.mp4\n    url: https://x/a.mp4"), None),
    ],
)
def test_invalid_entries_fail_the_schema(change: tuple[str, str], where: str | None) -> None:
    data = as_editor_sees(DELIVERED.replace(*change))
    with pytest.raises(jsonschema.ValidationError) as caught:
        jsonschema.validate(data, entry_schema())
    if where is not None:
        assert list(caught.value.absolute_path)[:1] == [where]


def test_schema_text_is_stable_json() -> None:
    assert schema_text() == schema_text()
    assert json.loads(schema_text()) == entry_schema()
    assert schema_text().endswith("}\n")
