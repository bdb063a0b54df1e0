import sys

from plandsl.cli import main

sys.exit(main())
