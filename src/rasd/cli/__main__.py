"""``python -m rasd.cli``."""

from rasd.cli import main

main()
