"""The encrypted vault: SQLCipher database, key slots, migrations and repositories."""
