"""The build's `manifest.json`: every quiz and checklist with its addresses, for integrations."""

from __future__ import annotations

import json

LOCAL_NOTE = "Local preview (RELATIVE_URLS): addresses are relative; make publish writes the real ones."


def manifest_json(entries: list[dict], local: bool = False) -> str:
    """Serialise entries stably (sorted keys, fixed order), so unchanged input gives equal bytes.

    A local preview build has no real address: it says so instead of pretending to be usable.
    """
    ordered = sorted(entries, key=lambda e: (e["type"], e["id"], e["lang"]))
    data = {"version": 1, "items": ordered, **({"local_build": True, "note": LOCAL_NOTE} if local else {})}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
