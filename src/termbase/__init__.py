"""termbase: Indonesian–English terminology and linting for news desks."""

__version__ = "0.1.0"
