"""Subcommands of the ``dutydesk`` CLI, one module each (see ``dutydesk.cli``)."""
