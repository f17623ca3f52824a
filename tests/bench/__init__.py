"""The search benchmark (`make bench`): a synthetic corpus, a fixed query set, a runner.

Not collected by pytest (no test_*.py here); tests/test_bench_smoke.py runs it tiny so it
cannot rot. See tests/bench/README.md.
"""
