"""Settings for mypy's Django plugin: no database server is started."""

import os

os.environ.setdefault("DATABASE_URL", "postgres://typecheck@localhost/typecheck")

from .base import *  # noqa: E402, F403
