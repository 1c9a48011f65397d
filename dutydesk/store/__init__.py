"""The users' books: peewee models over one SQLite file, migrations, queries and backups."""
