"""Allow `python -m okrtui`."""

from okrtui.cli import main

main()
