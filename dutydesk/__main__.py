"""``python -m dutydesk`` behaves exactly like the ``dutydesk`` command."""

import sys

from dutydesk.cli import main

sys.exit(main())
