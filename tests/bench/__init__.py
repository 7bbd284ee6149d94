"""``make bench``: the performance figures of the README's "Performance" section, each next to a baseline
measured in the same run (``python -m tests.bench.run``). Not collected by pytest: no file here is named
``test_*.py``, and timing belongs here, never in the test suite."""
