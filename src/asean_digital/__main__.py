"""Run the command line: ``python -m asean_digital``."""

import sys

from ._cli import main

if __name__ == "__main__":
    sys.exit(main())
