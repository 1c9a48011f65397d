"""Map the top-level ``resources/`` folder to the ``dutydesk.resources`` package.

pyproject.toml cannot combine package discovery with a package-dir mapping, so this is the one
piece of packaging that lives in setup.py; everything else is declared in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["dutydesk", "dutydesk.*"]), "dutydesk.resources"],
    package_dir={"dutydesk.resources": "resources"},
)
