"""python -m termbase: the termbase command, for where the console script is not on PATH
(a virtual environment not activated, a CI step calling the interpreter)."""

from termbase.cli import main

if __name__ == "__main__":
    main()
