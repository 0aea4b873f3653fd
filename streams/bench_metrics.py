"""What the worker's Prometheus instrumentation costs per message: the triage hot path with metrics on and off.

Each pass triages the same tweets on one core from cold caches, once with the worker's per-message metric
calls (`streams.metrics`: processed and last-success for both stages, routed by category and urgency, two
latency histograms and the timestamp parsing they need) and once without; passes alternate and the fastest of
each is kept, which damps the noise of a shared machine. The instrumentation is also timed alone.

The denominator is pure triage, not the whole worker: the worker spends far more CPU per message in Faust and
aiokafka (see `seva bench route`), so the share reported here is an upper bound of the real one.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from producers.base import Source
from producers.generator import GeneratorConfig, generate
from seva.errors import ConfigError
from seva.events import RawTweet, parse_created_at
from seva.xpayload import parse_tweet
from streams import metrics
from streams.bench import clear_triage_caches
from streams.triage import triage_tweet


@dataclass(frozen=True)
class MetricsBench:
    tweets: int
    passes: int
    off_cpu_us_per_msg: float
    on_cpu_us_per_msg: float
    on_minus_off_us_per_msg: float
    on_vs_off_pct: float
    instrumentation_alone_us_per_msg: float
    instrumentation_pct_of_triage: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _instrument(tweet: RawTweet, category: str, urgency: str) -> None:
    """The metric calls the worker makes for one tweet that is triaged and routed (streams/app.py)."""
    now = time.time()
    metrics.record_success("triage", now)
    routed = datetime.now(UTC)
    metrics.record_routed(category, urgency)
    metrics.observe_latency(parse_created_at(tweet.created_at), parse_created_at(tweet.received_at), routed, urgency)
    metrics.record_success("route", time.time())


def _pass(tweets: list[RawTweet], instrumented: bool) -> float:
    clear_triage_caches()
    cpu0 = time.process_time()
    for tweet in tweets:
        result = triage_tweet(tweet)
        if instrumented:
            _instrument(tweet, result.category, result.urgency)
    return time.process_time() - cpu0


def bench_metrics(count: int = 5_000, passes: int = 3, seed: int = 5) -> MetricsBench:
    if count < 1 or passes < 1:
        raise ConfigError("bench metrics needs at least one tweet and one pass")
    now = datetime.now(UTC)
    tweets = [parse_tweet(r.raw, Source.SYNTHETIC, now, 1 << 20)
              for r in generate(count, GeneratorConfig(seed=seed)) if r.kind == "tweet"]
    results = [triage_tweet(t) for t in tweets]  # loads the model outside the timing
    n = len(tweets)
    off, on = [], []
    for _ in range(passes):
        off.append(_pass(tweets, instrumented=False))
        on.append(_pass(tweets, instrumented=True))
    cpu0 = time.process_time()
    for tweet, result in zip(tweets, results, strict=True):
        _instrument(tweet, result.category, result.urgency)
    alone = (time.process_time() - cpu0) / n * 1e6
    off_us, on_us = min(off) / n * 1e6, min(on) / n * 1e6
    return MetricsBench(
        tweets=n,
        passes=passes,
        off_cpu_us_per_msg=off_us,
        on_cpu_us_per_msg=on_us,
        on_minus_off_us_per_msg=on_us - off_us,
        on_vs_off_pct=(on_us - off_us) / off_us * 100,
        instrumentation_alone_us_per_msg=alone,
        instrumentation_pct_of_triage=alone / off_us * 100,
    )
