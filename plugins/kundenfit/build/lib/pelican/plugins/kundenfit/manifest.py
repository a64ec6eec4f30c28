"""The build's `manifest.json`: every quiz and checklist with its addresses, for integrations."""

from __future__ import annotations

import json


def manifest_json(entries: list[dict]) -> str:
    """Serialise entries stably (sorted keys, fixed order), so unchanged input gives equal bytes."""
    ordered = sorted(entries, key=lambda e: (e["type"], e["id"], e["lang"]))
    return json.dumps({"version": 1, "items": ordered}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
