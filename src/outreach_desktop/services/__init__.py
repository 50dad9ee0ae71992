"""Use cases shared by the GUI and the CLI. Qt-free, so both (and the tests) run them headless."""
