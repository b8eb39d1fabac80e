"""The JSON shapes of memory search and concordance (docs/tm.md), shared by `termbase
tm search/concordance --format json` and the server's `/api/v1/tm/...`."""

from __future__ import annotations

from collections.abc import Sequence

from termbase.model import TranslationUnit
from termbase.tm.store import Match


def search_payload(query: str, source_lang: str, target_lang: str,
                   matches: Sequence[Match]) -> dict:
    return {"version": 1, "query": query, "from": source_lang, "to": target_lang, "matches": [
        {"id": m.unit_id, "score": m.score, "band": m.band, "source": m.unit.source,
         "target": m.unit.target, "origin": m.unit.origin,
         "created_at": m.unit.created_at} for m in matches]}


def unit_record(unit_id: int, unit: TranslationUnit) -> dict:
    return {"id": unit_id, "source": unit.source, "target": unit.target,
            "source_lang": unit.source_lang, "target_lang": unit.target_lang,
            "origin": unit.origin}


def concordance_payload(query: str, found: Sequence[tuple[int, TranslationUnit]]) -> dict:
    return {"version": 1, "query": query, "units": [unit_record(i, u) for i, u in found]}
