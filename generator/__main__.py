"""`python -m generator` is the `magazine` command."""

from .cli import main

main()
