"""Market prices at national scale: 5 years of weekly prices of 60 commodities at 200
markets (about 3.1 million observations) imported from a CSV file, then the commodity
page's server time.

For each setup (demo: SQLite in WAL mode; postgres: PostgreSQL at DATABASE_URL, else on
127.0.0.1 when reachable, in a database of its own that is dropped afterwards) a child
process migrates a scratch database, creates 25 provinces with 200 markets and 60
commodities (the catalogue's 39 and 21 more like them), writes the generated series
(markets.generating) to a CSV file and imports it with `do_import_prices`, as
`import_market_prices` does (every row checked, then the latest and weekly prices
refreshed). It reports the import rate (rows a second, the refresh included), then the
server time of the commodity page (GET through Django's test client, every commodity in
turn, after a warm-up) and of the prices page: median and p95. Goal: p95 under 100 ms.

    make bench-markets                 # the full size
    bench/bench_markets.py --scale 0.1 # 20 markets, 6 commodities: a quick run

`--scale` (or SALA_BENCH_MARKETS_SCALE) multiplies the markets and commodities.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_cases import percentile  # noqa: E402
from bench.bench_notifications import reachable  # noqa: E402
from bench.scratch import measure_in_child, run_child  # noqa: E402

WEEKS = 5 * 52
MARKETS = 200
COMMODITIES = 60
PROVINCES = 25
PAGE_REQUESTS = 200
RATIOS = {"postgres vs demo, commodity page p50": ("postgres commodity ms", "demo commodity ms")}


def scale() -> float:
    return float(os.environ.get("SALA_BENCH_MARKETS_SCALE", "1"))


def run(progress: Callable[[str], None] = print) -> dict:
    results = measure_in_child(__file__, "demo")
    if os.environ.get("DATABASE_URL", "").startswith("postgres") or reachable("127.0.0.1", 5432):
        results.update(measure_in_child(__file__, "postgres"))
    else:
        progress("postgres: skipped, no PostgreSQL")
    return results


# --- In the child process ----------------------------------------------------------------


def create_world(markets: int, commodities: int, progress: Callable[[str], None]):
    """25 provinces with a district each, the markets spread over them, the commodities."""
    from geo.models import Area, Facility, FacilityType
    from markets.generating import Market, Series, catalogue
    from markets.models import Commodity

    market_type = FacilityType.objects.get(code="market")
    places = []
    for number in range(1, PROVINCES + 1):
        code = f"{number:02d}"
        province = Area.objects.create(
            code=code, level=1, path=f"/{code}/", name_km=f"ខេត្ត {code}", name_en=f"P{code}"
        )
        district = Area.objects.create(code=f"{code}01", level=2, parent=province,
                                       path=f"/{code}/{code}01/", name_km=f"ស្រុក {code}",
                                       name_en=f"District {code}")  # fmt: skip
        places.append(district)
    Facility.objects.bulk_create(
        Facility(code=f"bench-market-{n}", type=market_type, area=places[n % PROVINCES],
                 name_km=f"ផ្សារ {n}", name_en=f"Market {n}")
        for n in range(markets)
    )  # fmt: skip
    series = catalogue()
    for extra in range(max(0, commodities - len(series))):
        model = series[extra % 39]
        original = Commodity.objects.get(code=model.commodity)
        code = f"{model.commodity}-b{extra}"
        Commodity.objects.create(code=code, category=original.category, unit=original.unit,
                                 name_km=f"{original.name_km} {extra}",
                                 name_en=f"{original.name_en} {extra}",
                                 price_type=original.price_type)  # fmt: skip
        series.append(Series(code, model.category, model.unit, model.price_type, model.typical))
    progress(f"{markets} markets in {PROVINCES} provinces, {commodities} commodities")
    return [
        Market(f"bench-market-{n}", f"{(n % PROVINCES) + 1:02d}") for n in range(markets)
    ], series[:commodities]


def measure(setup: str, progress: Callable[[str], None]) -> dict:
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from markets.generating import weekly_rows
    from markets.importing import do_import_prices
    from markets.models import Commodity
    from markets.parsing import read_rows

    progress("migrating")
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    factor = scale()
    markets, series = create_world(
        round(MARKETS * factor), max(1, round(COMMODITIES * factor)), progress
    )
    path = Path(os.environ["SALA_VAR_DIR"]) / "prices.csv"
    with path.open("w", newline="") as out:
        writer = csv.DictWriter(out, ["date", "market", "commodity", "price_type", "unit",
                                      "currency", "price"])  # fmt: skip
        writer.writeheader()
        written = 0
        for row in weekly_rows(markets, series, WEEKS, datetime.date.today()):
            writer.writerow(row)
            written += 1
    progress(f"{written:,} rows written to a CSV file")
    last = [time.monotonic()]

    def report(read: int, imported: int) -> None:
        if time.monotonic() - last[0] > 15:
            last[0] = time.monotonic()
            progress(f"{read:,} rows read, {imported:,} imported")

    started = time.perf_counter()
    with path.open("rb") as stream:
        result = do_import_prices(None, read_rows(stream, path.name), path.name, progress=report)
    seconds = time.perf_counter() - started
    assert result.imported == written, result.errors[:3]
    progress(f"imported {result.imported:,} rows in {seconds:.0f} s")

    client = Client(HTTP_HOST="localhost")
    codes = list(
        Commodity.objects.filter(code__in=[s.commodity for s in series]).values_list(
            "code", flat=True
        )
    )
    for code in codes[:5]:
        assert client.get(f"/en/markets/commodities/{code}/").status_code == 200
    commodity_ms = []
    for number in range(PAGE_REQUESTS):
        url = f"/{'km' if number % 2 else 'en'}/markets/commodities/{codes[number % len(codes)]}/"
        cache.clear()  # the server's work, not the anonymous page cache's
        begun = time.perf_counter()
        response = client.get(url)
        commodity_ms.append((time.perf_counter() - begun) * 1000)
        assert response.status_code == 200 and b"<svg" in response.content
    index_ms = []
    for number in range(40):
        cache.clear()
        begun = time.perf_counter()
        assert (
            client.get(f"/en/markets/?province={(number % PROVINCES) + 1:02d}").status_code == 200
        )
        index_ms.append((time.perf_counter() - begun) * 1000)
    progress(
        f"commodity page: median {statistics.median(commodity_ms):.1f} ms, "
        f"p95 {percentile(commodity_ms, 0.95):.1f} ms; prices page median "
        f"{statistics.median(index_ms):.1f} ms"
    )
    return {
        f"{setup} observations": result.imported,
        f"{setup} import rows/s": round(result.imported / seconds),
        f"{setup} import s": round(seconds, 1),
        f"{setup} commodity ms": commodity_ms,
        f"{setup} commodity p95 ms": round(percentile(commodity_ms, 0.95), 1),
        f"{setup} prices page ms": index_ms,
    }


def summary(results: dict) -> None:
    print("\nMarket prices benchmark")
    for name, value in results.items():
        if isinstance(value, list):
            median, p95 = statistics.median(value), percentile(value, 0.95)
            print(f"  {name}: median {median:.1f}, p95 {p95:.1f} ({len(value)} requests)")
        else:
            print(f"  {name}: {value:,}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] in ("demo", "postgres"):
        chosen = sys.argv[1]
        run_child(
            "markets",
            chosen,
            sys.argv[2],
            "immediate",
            lambda _tmp, progress: measure(chosen, progress),
        )
    else:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--scale", type=float, default=scale())
        parser.add_argument("--sqlite-only", action="store_true")
        options = parser.parse_args()
        os.environ["SALA_BENCH_MARKETS_SCALE"] = str(options.scale)
        found = measure_in_child(__file__, "demo")
        if not options.sqlite_only and (
            os.environ.get("DATABASE_URL", "").startswith("postgres")
            or reachable("127.0.0.1", 5432)
        ):
            found.update(measure_in_child(__file__, "postgres"))
        summary(found)
