"""Run one command and write its own peak RSS, exit status and wall time to a file, as JSON.

    python -I -S tests/bench/peak_rss.py RESULT_FILE COMMAND [ARG...]

Writes ``{"maxrss_kib": int, "returncode": int, "seconds": float}`` to RESULT_FILE; the command
inherits this process's standard streams and environment.

Why a wrapper: Linux carries a process's RSS high-water mark across ``exec`` (``ru_maxrss`` of a
child forked, or vforked, by a big process starts at the parent's size). So the bench starts this
script, whose own memory is small (an interpreter without ``site``: about 10 MB), and this script
starts the measured command: the high-water mark the command inherits is this script's, far below
any figure measured. ``tests/bench/test_bench_can_fail.py`` checks that 200 MB of ballast in the
caller does not change the figure. Run as a file with ``-I -S`` so that it imports nothing beyond
the interpreter's core; it must stay importable without the project on ``sys.path``.
"""

import json
import os
import sys
import time


def main(argv: list[str]) -> int:
    result_file, command = argv[0], argv[1:]
    started = time.perf_counter()
    pid = os.posix_spawnp(command[0], command, os.environ)
    _, status, usage = os.wait4(pid, 0)  # the rusage of this one child: its own peak, nothing of ours
    seconds = time.perf_counter() - started
    returncode = os.waitstatus_to_exitcode(status)
    with open(result_file, "w", encoding="utf-8") as out:
        json.dump({"maxrss_kib": usage.ru_maxrss, "returncode": returncode, "seconds": seconds}, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
