"""The exchange with the office: keys, fingerprints, bundles (age-encrypted, signed manifest) and
the records inside them, as bytes in and out. No storage, no Qt: the services combine this with
the vault (see docs/exchange-format.md)."""
