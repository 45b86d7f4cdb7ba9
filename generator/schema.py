"""The JSON Schema of an entry file, for editors (yaml-language-server) and readers."""

from __future__ import annotations

import json
from typing import Any

from . import __version__
from .model import EntryData

SCHEMA_ID = "urn:hands-on-magazine:entry"
SCHEMA_FILE = "schema.json"
"""Where `magazine schema --write` puts the schema by default: in the entries folder."""


def entry_schema() -> dict[str, Any]:
    """The JSON Schema of one entry file, with a description for every field."""
    body = EntryData.model_json_schema(mode="validation")
    # The model checks "exactly one of file or url" in code; say it to editors too.
    body["$defs"]["Clip"]["oneOf"] = [{"required": ["file"]}, {"required": ["url"]}]
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Hands-on magazine entry",
        "description": (
            "One submission of one prompt to one generative AI service "
            f"(hands-on-magazine {__version__})."
        ),
    }
    schema.update({k: v for k, v in body.items() if k not in ("title", "description")})
    return schema


def schema_text() -> str:
    """The schema as stable, indented JSON with a final newline."""
    return json.dumps(entry_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
