"""Entry script for the frozen build: the same ``dutydesk.cli:main`` the ``dutydesk`` command runs."""

import sys

from dutydesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
