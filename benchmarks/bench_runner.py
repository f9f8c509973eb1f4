"""Print the runner's overhead per page beyond the extractor's own time (target: < 1 ms).

The extractor does no work (it returns an empty prediction), so the time per page of a run is
the runner's overhead: sending the page to a worker process, checking and returning the
prediction, and the prediction cache (key, lookup, write). Pages are synthetic news pages of the
corpus' typical size (text and HTML), so no built corpus is needed.

The last line shows how the overhead grows with the size of the prediction.

Usage: python benchmarks/bench_runner.py [--pages 400] [--text 5000] [--html 15000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

from newsgold.extractors.base import Extractor, Page, Prediction
from newsgold.extractors.registry import extractor_info
from newsgold.harness.cache import PredictionCache
from newsgold.harness.runner import run_extractor
from newsgold.schema import Entity


class Idle(Extractor):
    """Returns a fixed prediction (an empty main text, ``entities`` entities): no work at all."""

    name = "bench-idle"
    tasks = frozenset({"boilerplate", "entities"})

    def __init__(self, entities: int = 0) -> None:
        self.entities = tuple(Entity(10 * i, 10 * i + 5, "PERSON") for i in range(entities))

    def extract(self, page: Page) -> Prediction:
        return Prediction(page.id, main_text="", entities=self.entities)


def pages(n: int, text_size: int, html_size: int) -> list[Page]:
    words = "The council said on Monday that the budget would be published next week. "
    text = (words * (text_size // len(words) + 1))[:text_size]
    html = ("<p>" + words + "</p>") * (html_size // (len(words) + 7) + 1)
    return [Page(f"page-{i:05d}", f"https://news.example/{i}", "en", f"{i} {text}",
                 html[:html_size]) for i in range(n)]


def per_page_ms(run, n: int, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times) / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--text", type=int, default=5000, help="characters of page text")
    parser.add_argument("--html", type=int, default=15000, help="characters of page HTML")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    extractor, batch = Idle(), pages(args.pages, args.text, args.html)
    info = extractor_info(extractor)
    n, repeat = len(batch), args.repeat

    direct = per_page_ms(lambda: [extractor.extract(p) for p in batch], n, repeat)
    print(f"{n} pages of {args.text} text + {args.html} HTML characters; median of {repeat} runs")
    print(f"  extractor alone (in process)          {direct:8.3f} ms/page")
    for workers in (1, 2):
        ms = per_page_ms(lambda: run_extractor(extractor, info, batch, workers=workers), n, repeat)
        print(f"  runner, {workers} worker(s), no cache        {ms:8.3f} ms/page "
              f"(overhead {ms - direct:.3f} ms)")
    with tempfile.TemporaryDirectory() as tmp:
        def fresh() -> None:
            folder = tempfile.mkdtemp(dir=tmp)
            run_extractor(extractor, info, batch, cache=PredictionCache(folder, info.name,
                                                                        info.version))

        ms = per_page_ms(fresh, n, repeat)
        print(f"  runner, 1 worker, filling the cache   {ms:8.3f} ms/page "
              f"(overhead {ms - direct:.3f} ms)")
        run_extractor(extractor, info, batch, cache=PredictionCache(tmp, info.name, info.version))
        ms = per_page_ms(lambda: run_extractor(
            extractor, info, batch, cache=PredictionCache(tmp, info.name, info.version)),
            n, repeat)
        print(f"  re-run served from the cache          {ms:8.3f} ms/page")
    busy = Idle(entities=100)
    ms = per_page_ms(lambda: run_extractor(busy, info, batch), n, repeat)
    print(f"  runner, 1 worker, 100 entities a page {ms:8.3f} ms/page (checking and "
          "returning a larger prediction)")


if __name__ == "__main__":
    main()
