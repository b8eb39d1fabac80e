"""One module per file format; each reads and writes termbase's model objects."""
