"""``python -m klachtregels``."""

from klachtregels.cli import main

raise SystemExit(main())
