from __future__ import annotations

import pytest

# Valid personnummer (Luhn checked), for the import files.
PNR = ["19850312-1231", "199001012344", "750615-3456", "8808084563", "20020202-5672"]


@pytest.fixture
def pnr() -> list[str]:
    return PNR
