from outreach_desktop.cli import main

raise SystemExit(main())
