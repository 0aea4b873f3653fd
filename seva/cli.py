"""The one `seva` command: the composition root that reads settings once and wires each process."""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from seva.errors import ConfigError, InvalidActionError, SevaError
from seva.settings import Settings, load_settings

app = typer.Typer(
    name="seva",
    help="Seva: tweets to the police, triaged, routed and tracked as complaints in real time.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

_settings: Settings | None = None


def settings() -> Settings:
    """Settings are read from the environment once per process, on first use."""
    global _settings
    if _settings is None:
        _settings = load_settings()
    return _settings


def _say(message: str) -> None:
    typer.echo(f"  {message}", err=True)


@app.callback()
def _root(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log at INFO level.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


@app.command()
def up(
    services: Annotated[
        list[str] | None, typer.Argument(help="Only these: kafka, clickhouse, prometheus, alertmanager.")
    ] = None,
) -> None:
    """Install (once, cached) and start the local stack; wait until every service is ready."""
    from deploy.localstack import LocalStack
    from seva.kafka import ensure_topics
    from seva.topics import CORE_TOPICS

    cfg = settings()
    stack = LocalStack(cfg, services)
    t0 = time.monotonic()
    stack.up(progress=_say)
    if not services or "kafka" in services:
        created = ensure_topics(cfg.kafka, CORE_TOPICS)
        if created:
            _say(f"kafka: created topics {', '.join(created)}")
    typer.echo(f"stack up in {time.monotonic() - t0:.1f}s")
    _print_addresses(cfg)


@app.command()
def down(
    purge: Annotated[bool, typer.Option(help="Also delete all local state (topics, tables, metrics).")] = False,
) -> None:
    """Stop every process of the local stack (and optionally delete its state)."""
    from deploy.localstack import LocalStack

    stack = LocalStack(settings())
    stopped = stack.down(progress=_say)
    if purge:
        stack.reset()
        _say(f"removed {settings().stack.state_dir}")
    typer.echo(f"stopped: {', '.join(stopped) if stopped else 'nothing was running'}")


@app.command()
def status(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object, for scripts.")] = False,
) -> None:
    """Where each service listens and whether it is up. Exit status 0 when the stack is up."""
    from deploy.localstack import LocalStack, seva_process_status

    cfg = settings()
    report: dict[str, dict[str, object]] = {**LocalStack(cfg).status(), **seva_process_status(cfg)}
    if as_json:
        typer.echo(json.dumps(report, sort_keys=False))
    else:
        for name, entry in report.items():
            state = "up" if entry["up"] else "down"
            where = ", ".join(f"{k}={v}" for k, v in entry.items() if k not in ("up", "managed", "pid"))
            typer.echo(f"{name:<13} {state:<5} {where}")
    stack_up = all(report[n]["up"] for n in ("kafka", "clickhouse", "prometheus", "alertmanager"))
    raise typer.Exit(0 if stack_up else 3)


class SourceName(StrEnum):
    synthetic = "synthetic"
    replay = "replay"
    x_stream = "x-stream"
    x_poll = "x-poll"


@app.command()
def produce(
    source: Annotated[SourceName, typer.Option(help="Where tweets come from.")] = SourceName.synthetic,
    count: Annotated[int, typer.Option(help="synthetic: distinct tweets to generate.")] = 1000,
    seed: Annotated[int, typer.Option(help="synthetic: the same seed gives the same tweets.")] = 7,
    rate: Annotated[float, typer.Option(help="Records per second; 0 = as fast as possible.")] = 0.0,
    duplicate_rate: Annotated[float, typer.Option(help="synthetic: extra re-sent tweets, fraction.")] = 0.0,
    malformed_rate: Annotated[float, typer.Option(help="synthetic: extra malformed records, fraction.")] = 0.0,
    own_rate: Annotated[float, typer.Option(help="synthetic: extra tweets by our own account.")] = 0.0,
    file: Annotated[list[Path] | None, typer.Option(help="replay: JSON-lines file(s).")] = None,
    paced: Annotated[bool, typer.Option(help="replay: follow created_at instead of full speed.")] = False,
    speed: Annotated[float, typer.Option(help="replay --paced: this many times real time.")] = 1.0,
    metrics: Annotated[bool, typer.Option(help="Serve Prometheus metrics on the producer port.")] = True,
    namespace: Annotated[str, typer.Option(hidden=True, help="Prefix for every topic (tests).")] = "",
) -> None:
    """Publish tweets from a source to tweets.raw (bad records to the dead-letter topic)."""
    from producers.base import Source
    from producers.publisher import TweetPublisher
    from producers.runner import GracefulStop, pump
    from seva.kafka import ensure_topics
    from seva.metrics import serve_metrics
    from seva.topics import CORE_TOPICS, DEAD_LETTER, TWEETS_RAW, namespaced

    cfg = settings()
    if metrics:
        serve_metrics(cfg.metrics.host, cfg.metrics.producer_port, setting="SEVA_METRICS__PRODUCER_PORT")
    ensure_topics(cfg.kafka, [namespaced(t, namespace) for t in CORE_TOPICS])
    producer_cfg = cfg.producer
    raw_topic, dead_letter_topic = (namespaced(t, namespace).name for t in (TWEETS_RAW, DEAD_LETTER))
    t0 = time.monotonic()
    with GracefulStop() as stop:
        if source is SourceName.synthetic:
            from producers.generator import OWN_USER_ID, GeneratorConfig, generate

            producer_cfg = producer_cfg.model_copy(
                update={"own_user_ids": [*producer_cfg.own_user_ids, OWN_USER_ID]}
            )
            publisher = TweetPublisher(cfg.kafka, producer_cfg, topic=raw_topic,
                                       dead_letter_topic=dead_letter_topic)
            gen = GeneratorConfig(
                seed=seed, duplicate_rate=duplicate_rate, malformed_rate=malformed_rate, own_rate=own_rate
            )
            records = (r.raw for r in generate(count, gen))
            pump(records, publisher, Source.SYNTHETIC, stop.event, rate,
                 progress=lambda n: _say(f"{n} records handed over"))
        elif source is SourceName.replay:
            from producers.replay import paced as pace
            from producers.replay import read_lines

            if not file:
                raise ConfigError("--source replay needs at least one --file")
            for path in file:
                if not path.is_file():
                    raise ConfigError(f"replay file not found: {path}")
            publisher = TweetPublisher(cfg.kafka, producer_cfg, topic=raw_topic,
                                       dead_letter_topic=dead_letter_topic)
            lines = read_lines(file)
            pump(pace(lines, speed) if paced else lines, publisher, Source.REPLAY, stop.event, rate,
                 progress=lambda n: _say(f"{n} records handed over"))
        else:
            publisher = TweetPublisher(cfg.kafka, producer_cfg, topic=raw_topic,
                                       dead_letter_topic=dead_letter_topic)
            _run_x_source(source, cfg, publisher, stop.event)
        undelivered = publisher.close(timeout=120)
    s = publisher.stats
    typer.echo(
        f"produced in {time.monotonic() - t0:.1f}s: received {s.received}, published {s.published}, "
        f"duplicates skipped {s.duplicates}, own skipped {s.own_skipped}, "
        f"dead-lettered {s.dead_lettered_total} {dict(sorted(s.dead_lettered.items())) or ''}".rstrip()
    )
    if undelivered:
        raise SevaError(f"{undelivered} records were not acknowledged by Kafka within 120s of the end")


def _run_x_source(source: SourceName, cfg: Settings, publisher: Any, stop: threading.Event) -> None:
    checkpoint_dir = cfg.producer.checkpoint_dir or (cfg.stack.state_dir / "producer")
    if source is SourceName.x_stream:
        from producers.x_stream import run_stream

        run_stream(cfg.x, publisher, stop)
    else:
        from producers.x_poll import run_poller

        run_poller(cfg.x, publisher, stop, checkpoint_dir)


@app.command()
def demo() -> None:
    """The main job: bring the stack up and run Seva's flow on it, then say where to look."""
    from seva.demo import run_demo

    run_demo(settings(), progress=_say)
    _print_addresses(settings())


@app.command()
def worker(
    metrics: Annotated[bool, typer.Option(help="Serve Prometheus metrics on the worker port.")] = True,
    loglevel: Annotated[str, typer.Option(help="Faust's log level.")] = "WARNING",
    namespace: Annotated[str, typer.Option(hidden=True, help="Prefix for every topic (tests).")] = "",
) -> None:
    """Run the triage and routing worker (Faust): tweets.raw -> district topics. Scale with more workers."""
    import faulthandler

    import faust as faust_lib

    faulthandler.enable()  # a fatal crash in a C extension still leaves every thread's stack in the log

    from seva.kafka import ensure_topics
    from seva.metrics import serve_metrics
    from seva.topics import CORE_TOPICS, namespaced
    from streams.app import create_app, faust_internal_topics

    cfg = settings()
    ensure_topics(cfg.kafka, [namespaced(t, namespace) for t in CORE_TOPICS])
    if metrics:
        from seva.lag import ConsumerLagCollector, LagTarget
        from seva.topics import TWEETS_RAW, TWEETS_TRIAGED
        from streams.app import APP_ID

        # The worker's own group and the two topics it consumes (see seva/lag.py for other processes).
        consumed = tuple(namespaced(t, namespace).name for t in (TWEETS_RAW, TWEETS_TRIAGED))
        ConsumerLagCollector(cfg.kafka, [LagTarget(namespace + APP_ID, consumed)],
                             interval_s=cfg.metrics.lag_interval_s).register()
        serve_metrics(cfg.metrics.host, cfg.metrics.worker_port, setting="SEVA_METRICS__WORKER_PORT")
    # Faust's data dir (streams/app.py) must exist: a fresh checkout against a stack run from elsewhere
    # (SEVA_STACK__MANAGED=false) has no .seva/ yet, and the worker died with FileNotFoundError.
    (cfg.stack.state_dir / "faust").mkdir(parents=True, exist_ok=True)
    faust_app = create_app(cfg, namespace=namespace)
    # Faust's own topics too, before it starts: see faust_internal_topics for the race this closes.
    ensure_topics(cfg.kafka, faust_internal_topics(faust_app))
    faust_worker = faust_lib.Worker(faust_app, loglevel=loglevel, quiet=True)
    # Faust's terminal spinner raises the root logger to DEBUG, which costs ~8% of the worker's CPU in log
    # records nobody reads (measured with py-spy).
    faust_worker.spinner = None
    try:
        faust_worker.execute_from_commandline()
    finally:
        if getattr(faust_app, "seva_stall_exit", False):  # streams/watchdog.py stopped it: ask for a restart
            from streams.watchdog import EXIT_STALLED

            raise SystemExit(EXIT_STALLED)


@app.command()
def respond(
    district: Annotated[str | None, typer.Option(help="The district's slug, e.g. lucknow.")] = None,
    ack: Annotated[str | None, typer.Option("--ack", metavar="DOCKET", help="Acknowledge this docket.")] = None,
    assign: Annotated[str | None, typer.Option("--assign", metavar="DOCKET", help="Assign it (--to).")] = None,
    dispose: Annotated[str | None, typer.Option("--dispose", metavar="DOCKET",
                                                help="Dispose of it (--outcome, --note).")] = None,
    escalate: Annotated[str | None, typer.Option("--escalate", metavar="DOCKET",
                                                 help="Escalate it (default: to the district's range).")] = None,
    to: Annotated[str | None, typer.Option(help="--assign: officer or police station; --escalate: where.")] = None,
    outcome: Annotated[str | None, typer.Option(
        help="--dispose: action_taken, fir_registered, resolved_on_phone, no_action_needed, duplicate, "
             "transferred.")] = None,
    note: Annotated[str, typer.Option(help="A note kept with the status event.")] = "",
    list_: Annotated[bool, typer.Option("--list", help="Print the open complaints and exit.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="--list: one JSON array.")] = False,
    actor: Annotated[str | None, typer.Option(help="Who acts (default: responder.<district>).")] = None,
    reply: Annotated[bool | None, typer.Option(
        "--reply/--no-reply", help="Post the acknowledgement reply on X (default: dry run, printed only; "
                                   "SEVA_X__REPLY_ENABLED).")] = None,
    simulate: Annotated[bool, typer.Option("--simulate", help="Run simulated responders on every district.")] = False,
    seed: Annotated[int, typer.Option(help="--simulate: the same seed gives the same events.")] = 7,
    duration: Annotated[float | None, typer.Option(help="--simulate: stop after this many seconds.")] = None,
    idle: Annotated[float | None, typer.Option(
        help="--simulate: stop after this many seconds without a new complaint.")] = None,
    metrics: Annotated[bool, typer.Option(help="Serve Prometheus metrics on the responder port "
                                               "(terminal and simulated modes).")] = True,
    namespace: Annotated[str, typer.Option(hidden=True, help="Prefix for every topic (tests).")] = "",
) -> None:
    """A district responder's tool: list open complaints (P1 first), acknowledge, assign, escalate, dispose.

    Without an action flag it opens a prompt (list, ack N, assign N --to X, dispose N --outcome O --note ...,
    escalate N, quit). Status events go to complaints.status; bad input is one line on stderr and exit status 2.
    """
    from producers.casebook import Action, check_district, format_listing, listing_json
    from producers.responder import Replier, Responder, run_interactive
    from seva.metrics import serve_metrics

    cfg = settings()
    if simulate:
        from producers.runner import GracefulStop
        from producers.simulate import SimConfig
        from producers.simulate_runner import run_simulation

        if metrics:
            from producers.simulate_runner import SIM_GROUP
            from seva.lag import ConsumerLagCollector, LagTarget
            from seva.topics import DISTRICT_TOPICS, HQ_TRIAGE, namespaced

            # The simulation's one consumer group and the topics it reads (see seva/lag.py).
            read = tuple(namespaced(t, namespace).name for t in (*DISTRICT_TOPICS, HQ_TRIAGE))
            ConsumerLagCollector(cfg.kafka, [LagTarget(namespace + SIM_GROUP, read)],
                                 interval_s=cfg.metrics.lag_interval_s).register()
            serve_metrics(cfg.metrics.host, cfg.metrics.responder_port, setting="SEVA_METRICS__RESPONDER_PORT")
        with GracefulStop() as stop:
            truth = run_simulation(cfg.kafka, config=SimConfig(seed=seed), duration_s=duration, idle_s=idle,
                                   stop=stop.event, namespace=namespace,
                                   progress=lambda t: _say(f"simulated responders: {t.counts()}"))
        typer.echo(json.dumps(truth.counts()))
        return
    if district is None:
        raise InvalidActionError("--district is required (or --simulate)")
    check_district(district)
    actions = [(a, d) for a, d in ((Action.ACK, ack), (Action.ASSIGN, assign), (Action.DISPOSE, dispose),
                                   (Action.ESCALATE, escalate)) if d]
    if len(actions) > 1:
        raise InvalidActionError("give one of --ack, --assign, --dispose, --escalate per command")
    if as_json and not list_:
        raise InvalidActionError("--json goes with --list")
    send_reply = cfg.x.reply_enabled if reply is None else reply
    responder = Responder(cfg.kafka, district, actor=actor or f"responder.{district}",
                          replier=Replier(cfg.x, send=send_reply), namespace=namespace)
    try:
        responder.load()
        if actions:
            action, docket = actions[0]
            done = responder.act(action, docket, note=note, to=to, outcome=outcome)
            for line in done.lines:
                typer.echo(line)
            return
        if list_:
            now = responder.clock()
            dockets = responder.book.open_dockets()
            typer.echo(listing_json(dockets, now) if as_json else format_listing(dockets, now))
            return
        if metrics:
            serve_metrics(cfg.metrics.host, cfg.metrics.responder_port, setting="SEVA_METRICS__RESPONDER_PORT")
        run_interactive(responder, input, typer.echo, format_listing)
    finally:
        responder.close()


@app.command()
def sink(
    metrics: Annotated[bool, typer.Option(help="Serve Prometheus metrics on the sink port.")] = True,
    namespace: Annotated[str, typer.Option(hidden=True, help="Prefix for every topic (tests).")] = "",
    group: Annotated[str | None, typer.Option(help="Consumer group (default: settings sink.group_id).")] = None,
) -> None:
    """Run the ClickHouse sink: complaints and status events -> ClickHouse, in batches, exactly counted."""
    from producers.runner import GracefulStop
    from seva.kafka import ensure_topics
    from seva.metrics import serve_metrics
    from sinks.sink import Sink, SinkTopics

    cfg = settings()
    topics = SinkTopics.for_namespace(namespace)
    ensure_topics(cfg.kafka, topics.specs())
    group_id = group or cfg.sink.group_id
    if metrics:
        from seva.lag import ConsumerLagCollector, LagTarget

        # The sink's group and every topic it consumes (the district topics, HQ triage, complaints.status).
        ConsumerLagCollector(cfg.kafka, [LagTarget(group_id, tuple(topics.all))],
                             interval_s=cfg.metrics.lag_interval_s).register()
        serve_metrics(cfg.metrics.host, cfg.metrics.sink_port, setting="SEVA_METRICS__SINK_PORT")
    with GracefulStop() as stop:
        stats = Sink(cfg, topics, group_id=group_id).run(stop.event)
    typer.echo(f"sink stopped: {stats.batches} batches, rows {dict(stats.rows)}, "
               f"dead-lettered {dict(stats.dead_lettered)}, flagged {dict(stats.flagged)}, "
               f"failed attempts {stats.failed_attempts}")


class ReportFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def _moment(value: str | None, option: str) -> Any:
    from datetime import UTC, datetime

    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ConfigError(f"{option} expects an ISO date or time (2026-11-24, 2026-11-24T18:00+05:30), "
                          f"not {value!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@app.command()
def report(
    since: Annotated[str | None, typer.Option(help="Complaints from this moment (ISO; UTC if no offset).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this moment, and the state as it was then.")] = None,
    district: Annotated[str | None, typer.Option(help="Only this district (slug).")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="table, csv (districts) or json.")] = (
        ReportFormat.table),
) -> None:
    """HQ's report from ClickHouse: received/disposed/pending, by category and urgency, timings, SLA, trend."""
    from seva.clickhouse import ClickHouseError, connect
    from sinks import report as rep

    cfg = settings()
    try:
        window = rep.ReportWindow(since=_moment(since, "--since"), until=_moment(until, "--until"),
                                  district=district)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    client = connect(cfg.clickhouse)
    try:
        result = rep.build_report(client.execute, cfg.clickhouse.database, window, cfg.report)
    except Exception as exc:  # the driver's errors, network errors: one line for the operator
        raise ClickHouseError(f"report query failed on {cfg.clickhouse.native}: {exc}") from exc
    finally:
        client.disconnect()
    out = {ReportFormat.json: rep.to_json, ReportFormat.csv: rep.to_csv, ReportFormat.table: rep.to_table}[fmt]
    typer.echo(out(result).rstrip("\n"))


@app.command()
def classify() -> None:
    """Triage tweets read as JSON lines on stdin; one JSON result per line on stdout, in order.

    A line that is not a tweet gets {"line": N, "error": "..."}; the exit status is 1 if any line failed.
    """
    from datetime import UTC, datetime

    from seva.districts import UNKNOWN, by_slug
    from seva.errors import InvalidTweetError
    from seva.xpayload import parse_tweet
    from streams.triage import triage_tweet

    failed = False
    max_bytes = settings().producer.max_record_bytes
    out = sys.stdout
    for n, line in enumerate(sys.stdin.buffer, 1):
        raw = line.rstrip(b"\r\n")
        try:
            tweet = parse_tweet(raw, "classify", datetime.now(UTC), max_bytes)
            result = triage_tweet(tweet)
        except InvalidTweetError as exc:
            failed = True
            out.write(json.dumps({"line": n, "error": str(exc)}, ensure_ascii=False) + "\n")
            continue
        except Exception as exc:  # noqa: BLE001 (one bad line must not stop the rest)
            failed = True
            out.write(json.dumps({"line": n, "error": f"triage failed: {exc!r}"}, ensure_ascii=False) + "\n")
            continue
        district = None if result.district == UNKNOWN else by_slug(result.district)
        out.write(json.dumps({
            "tweet_id": tweet.id,
            "category": result.category.value,
            "urgency": result.urgency.value,
            "district": result.district,
            "range": district.range if district else None,
            "zone": district.zone if district else None,
            "reasons": list(result.reasons),
        }, ensure_ascii=False) + "\n")
        out.flush()
    raise typer.Exit(1 if failed else 0)


@app.command("train")
def train_cmd() -> None:
    """Retrain the category model from synthetic traffic and the dev and train sets (never the held-out ones)."""
    from streams.evaluate import EVAL_DATA, TRAINING_SPLITS
    from streams.triage.train import train

    report = train([path for s in TRAINING_SPLITS if (path := EVAL_DATA / f"{s}.jsonl").is_file()])
    typer.echo(f"trained on {report.examples} tweets ({report.synthetic} synthetic, {report.labelled} labelled), "
               f"{report.ngrams} character n-grams -> {report.path}")


@app.command("eval")
def eval_cmd(
    split: Annotated[str, typer.Option(
        help="test or independent (held out), held-out (both), dev or train (trained on), or all.")] = "test",
    file: Annotated[list[Path] | None, typer.Option(help="Evaluate these labelled JSON-lines files instead.")] = None,
    show_errors: Annotated[int, typer.Option("--errors", help="Print up to N misclassified tweets.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
) -> None:
    """Measure triage on labelled tweets: per-category P/R/F1, macro-F1, P1 recall/precision, urgency and
    district accuracy, alert worth."""
    from streams.evaluate import EVAL_DATA, HELD_OUT_SPLITS, SPLITS, errors, format_report, load, report, score

    if file:
        paths = list(file)
    elif split == "all":
        paths = [EVAL_DATA / f"{s}.jsonl" for s in SPLITS]
    elif split == "held-out":
        paths = [EVAL_DATA / f"{s}.jsonl" for s in HELD_OUT_SPLITS]
    elif split in SPLITS:
        paths = [EVAL_DATA / f"{split}.jsonl"]
    else:
        raise ConfigError(f"--split must be one of {', '.join(SPLITS)}, held-out or all, not {split!r}")
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise ConfigError(f"labelled file not found: {missing[0]}")
    scored = score(load(paths))
    rep = report(scored)
    if as_json:
        typer.echo(json.dumps(rep.as_dict()))
    else:
        typer.echo(format_report(rep, ", ".join(p.name for p in paths)))
    if show_errors:
        typer.echo("\n".join(errors(scored, show_errors)))


bench_app = typer.Typer(help="Benchmarks that print measured figures (ratios measured in one run). "
                        "Without a subcommand: every stage in one run, one table, JSON and a PNG chart.")
app.add_typer(bench_app, name="bench")


@bench_app.callback(invoke_without_command=True)
def bench_all_cmd(
    ctx: typer.Context,
    tweets: Annotated[int | None, typer.Option(help="Tweets per throughput stage (default 10000; --quick 600).")]
    = None,
    partitions: Annotated[int, typer.Option(help="Partitions of tweets.raw and of B0 (the worker needs 6).")] = 6,
    duration: Annotated[float | None, typer.Option(
        help="Seconds of rate-limited production per end-to-end rate (default 30; --quick 6).")] = None,
    quick: Annotated[bool, typer.Option("--quick", help="Small sizes: a smoke run in under a minute.")] = False,
    as_json: Annotated[Path | None, typer.Option("--json", help="Write every figure to this file.")] = None,
    chart: Annotated[Path | None, typer.Option(
        help="The PNG chart (default: next to --json, else bench.png).")] = None,
) -> None:
    """Every stage in one run on the local stack: B0, producer, triage, routing, sink, end-to-end latency."""
    if ctx.invoked_subcommand is not None:
        return
    import dataclasses

    from seva.bench import BenchConfig, format_table, json_safe, run_bench, write_chart

    cfg = BenchConfig.quick() if quick else BenchConfig()
    cfg = dataclasses.replace(cfg, partitions=partitions, tweets=cfg.tweets if tweets is None else tweets,
                              duration=cfg.duration if duration is None else duration)
    result = run_bench(settings(), cfg, _say)
    typer.echo(format_table(result))
    if as_json:
        as_json.parent.mkdir(parents=True, exist_ok=True)
        as_json.write_text(json.dumps(json_safe(result), indent=2))
        typer.echo(f"figures: {as_json}")
    chart_path = chart or (as_json.with_suffix(".png") if as_json else Path("bench.png"))
    chart_path.parent.mkdir(parents=True, exist_ok=True)
    write_chart(result, chart_path)
    typer.echo(f"chart: {chart_path}  ({result['bench_wall_s']:.0f}s)")


@bench_app.command("produce")
def bench_produce_cmd(
    count: Annotated[int, typer.Option(help="Generated tweets to publish.")] = 50_000,
    as_json: Annotated[Path | None, typer.Option("--json", help="Also write the figures to this file.")] = None,
) -> None:
    """Generator -> publisher -> Kafka: messages/s and CPU µs per message."""
    from producers.bench import bench_produce

    result = bench_produce(settings(), count).as_dict()
    for key, value in result.items():
        typer.echo(f"  {key:<26} {value:>12,.1f}")
    if as_json:
        as_json.write_text(json.dumps(result, indent=2))


def _print_bench(result: dict[str, float], as_json: Path | None) -> None:
    for key, value in result.items():
        # Ratios and small figures need significant digits, not one decimal.
        typer.echo(f"  {key:<28} {value:>14,.1f}" if abs(value) >= 10 else f"  {key:<28} {value:>14.4g}")
    if as_json:
        as_json.write_text(json.dumps(result, indent=2))


@bench_app.command("triage")
def bench_triage_cmd(
    count: Annotated[int, typer.Option(help="Generated tweets to triage.")] = 20_000,
    as_json: Annotated[Path | None, typer.Option("--json", help="Also write the figures to this file.")] = None,
) -> None:
    """Pure triage_tweet() on one core: µs per tweet and tweets/s, cold and warm caches, p50/p99."""
    from streams.bench import bench_triage

    _print_bench(bench_triage(count).as_dict(), as_json)


@bench_app.command("route")
def bench_route_cmd(
    count: Annotated[int, typer.Option(help="Generated tweets pre-loaded for the worker.")] = 20_000,
    as_json: Annotated[Path | None, typer.Option("--json", help="Also write the figures to this file.")] = None,
) -> None:
    """The routing worker vs a raw Kafka consume->produce passthrough (B0), same messages, one run."""
    from streams.bench import bench_route

    _print_bench(bench_route(settings(), count).as_dict(), as_json)


@bench_app.command("sink")
def bench_sink_cmd(
    count: Annotated[int, typer.Option(help="Complaints to write (status events come on top).")] = 20_000,
    batch: Annotated[int, typer.Option(help="Rows per batch, for the sink and the bare insert loop.")] = 5_000,
    probes: Annotated[int, typer.Option(help="Status events timed from produce to visible in the report.")] = 5,
    as_json: Annotated[Path | None, typer.Option("--json", help="Also write the figures to this file.")] = None,
) -> None:
    """The sink's rows/s next to a bare clickhouse-driver insert loop (same rows, same batch size, one run),
    and the time from a status event produced to being visible in the report."""
    from sinks.bench import bench_sink

    _print_bench(bench_sink(settings(), count, batch, probes).as_dict(), as_json)


@bench_app.command("metrics")
def bench_metrics_cmd(
    count: Annotated[int, typer.Option(help="Generated tweets per pass.")] = 5_000,
    passes: Annotated[int, typer.Option(help="Alternating passes with metrics off and on; the fastest counts.")] = 3,
    as_json: Annotated[Path | None, typer.Option("--json", help="Also write the figures to this file.")] = None,
) -> None:
    """The worker's instrumentation cost: CPU µs per message with metrics on and off, and as a percentage."""
    from streams.bench_metrics import bench_metrics

    _print_bench(bench_metrics(count, passes).as_dict(), as_json)


def _print_addresses(cfg: Settings) -> None:
    typer.echo(
        "\n".join(
            [
                f"  kafka         {cfg.kafka.bootstrap_servers}",
                f"  clickhouse    native {cfg.clickhouse.native}  http {cfg.clickhouse.http_url}",
                f"  prometheus    {cfg.prometheus.url}",
                f"  alertmanager  {cfg.prometheus.alertmanager_url}",
            ]
        )
    )


def main() -> None:
    """Entry point of the `seva` console script: typed errors become one line on stderr."""
    try:
        app()
    except ConfigError as exc:
        typer.echo(f"seva: configuration error: {exc}", err=True)
        sys.exit(2)
    except InvalidActionError as exc:
        typer.echo(f"seva: error: {exc}", err=True)
        sys.exit(2)
    except SevaError as exc:
        typer.echo(f"seva: error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("seva: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
