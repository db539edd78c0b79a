"""The one CSV writer: text that a spreadsheet would run as a formula is written as text."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

from core.csvexport import csv_response


def _rows(response) -> list[list[str]]:  # type: ignore[no-untyped-def]
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_csv_formula_injection_text_is_neutralised_numbers_stay_numbers() -> None:
    response, writer = csv_response("x.csv")
    writer.writerow(
        [
            '=HYPERLINK("http://evil","x")',
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tTAB",
            "\rCR",
            "\uff1d1+1",
            "Vanlig text",
            "",
            None,
        ]
    )
    writer.writerow([-5, Decimal("-1.25"), 3, Decimal("318000.00"), 0.5, datetime.date(2025, 1, 2)])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    text, numbers = _rows(response)
    assert text == [
        '\'=HYPERLINK("http://evil","x")',
        "'+1+1",
        "'-2+3",
        "'@SUM(A1)",
        "'\tTAB",
        "'\rCR",
        "'\uff1d1+1",
        "Vanlig text",
        "",
        "",
    ]
    # A negative number written from an int or Decimal is still a number (decimal comma).
    assert numbers == ["-5", "-1,25", "3", "318000,00", "0,5", "2025-01-02"]
