"""The translation memory: sentence pairs, stored, matched and exchanged."""
