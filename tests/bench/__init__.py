"""``make bench``: the performance figures of the README's "Performance" section, each a ratio to a baseline
measured in the same run (``python -m tests.bench.run``). ``test_bench_can_fail.py`` (run by ``make test``)
checks the measuring machinery with stand-ins, never the client's timings: timing belongs in the bench."""
