"""Pure domain model: entities, rules and validation. Imports nothing but the standard library."""
