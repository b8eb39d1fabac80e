"""The direct reader of wordfreq's lists gives what wordfreq itself gives."""

from __future__ import annotations

import gzip

import msgpack
import pytest

from termbase.lang import frequencies
from termbase.lang.frequencies import frequency_table


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_table_is_wordfreqs_own(language):
    from wordfreq import get_frequency_dict

    assert frequency_table(language) == get_frequency_dict(language, wordlist="best")


def test_a_common_word_outranks_a_rare_one():
    table = frequency_table("id")
    assert table["yang"] > table.get("penerbangan", 0.0) > 0.0
    assert "penerbagan" not in table


def test_an_unexpected_file_falls_back_to_wordfreq(tmp_path, monkeypatch):
    pack = tmp_path / "small_id.msgpack.gz"
    with gzip.open(pack, "wb") as out:
        out.write(msgpack.packb([{"format": "other", "version": 9}, ["zzz"]]))
    monkeypatch.setattr(frequencies, "_pack_path", lambda language: pack)
    frequency_table.cache_clear()
    try:
        table = frequency_table("id")
        assert "zzz" not in table and "yang" in table  # wordfreq's own list
    finally:
        frequency_table.cache_clear()


def test_a_check_does_not_import_wordfreq():
    import subprocess
    import sys

    code = ("import sys; from termbase.lang.speller import zipf; zipf('yang'); "
            "print('wordfreq' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
