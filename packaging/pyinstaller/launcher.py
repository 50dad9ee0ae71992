"""Entry point of the frozen build: the same `outreach-desktop` command as the wheel's script."""

import sys

from outreach_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
