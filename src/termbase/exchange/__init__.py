"""Articles handed to translators and taken back: export (XLIFF, TMX) and merge."""
