"""The app container's healthcheck: /halsa/ answers 200 (the database answered a query).

Sent as the first of ALLOWED_HOSTS and as if through the TLS proxy, so that neither the host
check nor the HTTPS redirect of production answers in the page's place.
"""

import os
import sys
import urllib.request

host = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip().lstrip(".")
request = urllib.request.Request(  # noqa: S310 (a fixed local URL)
    "http://127.0.0.1:8000/halsa/", headers={"Host": host, "X-Forwarded-Proto": "https"}
)
try:
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        sys.exit(0 if response.status == 200 else 1)
except OSError as exc:
    print(f"unhealthy: {exc}", file=sys.stderr)
    sys.exit(1)
