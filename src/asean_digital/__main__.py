"""Run the command line: ``python -m asean_digital``, and the ``asean-digital`` script."""

import contextlib
import sys

INTERRUPTED = 130
"""The exit status after Ctrl-C (128 + SIGINT), as shells expect."""


def interrupted(error: BaseException | None) -> bool:
    """
    Whether *error* is Ctrl-C, or was caused by it.

    An interrupt that lands inside some library code arrives wrapped: in
    Python 3.11 a ``KeyboardInterrupt`` raised while a class is being made is
    re-raised as a ``RuntimeError`` whose cause is the interrupt.
    """
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, KeyboardInterrupt):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def say_interrupted() -> int:
    """Tell the user, in one line, that the command was interrupted; return the exit status."""
    with contextlib.suppress(BaseException):  # stderr gone, or a second Ctrl-C: nothing more to say
        print("asean-digital: interrupted", file=sys.stderr)
    return INTERRUPTED


def run() -> int:
    """
    The command line's entry point: Ctrl-C at any moment, even while the modules load, exits 130 in one line.

    Returns:
        The exit status (see :func:`asean_digital.cli.main.main`).
    """
    try:
        from asean_digital.cli.main import main  # noqa: PLC0415 - imported here so an interrupt while loading is caught

        return main()
    except BaseException as e:
        if interrupted(e):
            return say_interrupted()
        raise


if __name__ == "__main__":
    sys.exit(run())
