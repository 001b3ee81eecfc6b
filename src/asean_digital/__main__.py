"""Run the command line: ``python -m asean_digital``, and the ``asean-digital`` script."""

import sys


def run() -> int:
    """
    The command line's entry point: Ctrl-C at any moment, even while the modules load, exits 130 quietly.

    Returns:
        The exit status (see :func:`asean_digital.cli.main.main`).
    """
    try:
        from .cli.main import main  # noqa: PLC0415 - imported here so an interrupt while loading is caught

        return main()
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(run())
