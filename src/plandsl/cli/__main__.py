"""``python -m plandsl.cli``: the same as the ``plandsl`` command."""

import sys

from plandsl.cli import main

sys.exit(main())
