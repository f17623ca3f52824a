"""Settings of the benchmark's worker processes: the test settings, signals off.

The runner points DATABASE_URL at the bench's own database (a SQLite file under
tests/bench/.data/, or the PostgreSQL database `exchange_bench`) before Django starts.
"""

from exchange.settings.test import *  # noqa: F403

# The corpus is written in bulk; documents are stored by the generator, not by signals.
SEARCH_AUTO_SYNC = False
SEARCH_ENGINE = "database"
# A slow engine is measured, not cut off: the engine's own timeout would turn it into a failure.
SEARCH_TIMEOUT = 300.0
