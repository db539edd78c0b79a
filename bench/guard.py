"""The de-identification guard on 1 MB texts: adversarial and ordinary, few and many names.

    .venv/bin/python bench/guard.py [--size CHARS] [--repeat N]

Prints the best of N runs in CPU ms (``time.process_time``: the machine is shared, and wall
time measures the neighbours) for each input, with the client terms of a small caseload
(8 terms) and of a coordinator at the largest verksamhet (about 7 000 clients, 20 000 terms).
The budget is 50 ms per megabyte; rows over it are marked. The guard was quadratic before
(40 kB of "a" took seconds), so any row that grows faster than its input is a regression.
No database: the guard is pure Python.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from functools import partial

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from clients.guard import Names, find_identifying  # noqa: E402

BUDGET_MS = 50.0
ORDINARY = (
    "Försäkringskassan avslog ansökan om sjukersättning den 2026-03-01, och klienterna fick "
    "vänta i sex månader på sin LSS-bedömning. Handläggarna på kommunen byts ut var sjätte "
    "månad; enligt 4 kap. 1 § SoL ska kommunen pröva behovet. Västerås stad (org.nr "
    "212000-2080) har ingen rutin. Telefontiden är kl. 08.30–10.00 och kön är ofta 45 minuter.\n"
)


def inputs(size: int) -> dict[str, str]:
    def fill(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    ordinary = fill(ORDINARY)
    return {
        "ordinary Swedish text": ordinary,
        "ordinary text, one client name": ordinary[: size - 40] + " Stjärnan fick avslag igen.",
        "run of 'a'": fill("a"),
        "'a@' repeated": fill("a@"),
        "'a.' repeated": fill("a."),
        "run of digits": fill("1"),
        "run of zeros": fill("0"),
        "run of dots": fill("."),
        "'1-' repeated": fill("1-"),
        "'12 ' repeated": fill("12 "),
        "'@a.' repeated": fill("@a."),
    }


def many_terms(n: int = 7000) -> list[str]:
    rng = random.Random(2026)
    first = ["Anna", "Kim", "Lars", "Eva", "Omar", "Fatima", "Erik", "Maria", "Ali", "Sara"]
    last = ["Berg", "Lind", "Holm", "Nord", "Ström", "Haddad", "Svensson", "Karlsson", "Ek"]
    terms: set[str] = set()
    for i in range(n):
        f = rng.choice(first) + ("" if i < 50 else str(i))
        la = rng.choice(last) + ("" if i < 50 else str(i))
        terms.update({f"Klient {i}", f, la, f"{f} {la}"})
    return sorted(terms)


FEW_TERMS = ["Anna", "Kim Berg", "Stjärnan", "Anna-Lena", "Åsa Öberg", "Kim", "Berg", "O'Brien"]


def best_ms(call: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        call()
        best = min(best, time.process_time() - start)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    few, many = Names(FEW_TERMS), Names(many_terms())
    budget = BUDGET_MS * args.size / 1_000_000
    print(
        f"{'input (' + format(args.size, ',') + ' chars)':36s} {'8 terms':>10s} {'20k terms':>10s}"
    )
    over = 0
    for label, text in inputs(args.size).items():
        row = []
        for names in (few, many):
            ms = best_ms(partial(find_identifying, text, terms=names), args.repeat)
            over += ms > budget
            row.append(f"{ms:8.1f}{'!' if ms > budget else ' '}")
        print(f"{label:36s} {row[0]:>10s} {row[1]:>10s}")
    print(f"CPU ms, best of {args.repeat}; '!' over the budget of {budget:.0f} ms ({over} rows)")


if __name__ == "__main__":
    main()
