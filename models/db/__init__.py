"""The database room: the SQLite file, its schema, lock, health checks, backups and seeding; it imports only models' leaf modules and dates/."""
