from mediation_desktop.cli import main

raise SystemExit(main())
