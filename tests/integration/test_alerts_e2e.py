"""An alert travels end to end: a stalled Seva process -> Prometheus -> Alertmanager -> a webhook, and back.

The tests run their own Prometheus and Alertmanager (Debian's binaries) on free loopback ports with temporary
state, scraping every second, and a webhook receiver in a thread. A real producer (`seva produce`, 20 tweets/s)
and a real triage worker (`seva worker`) run on topics of their own.

- Freezing the worker with SIGSTOP must bring SevaTargetDown and SevaPipelineStalled to the receiver; SIGCONT
  must bring their `resolved`.
- With a real sink (`seva sink`, its own consumer group and a ClickHouse database of its own), stopping the sink
  (SIGTERM, the process exits) must bring SevaTargetDown for the sink's instance and SevaSinkStale; starting it
  again must bring both `resolved` (issue #6, item 4).

The rules are the production files with every duration divided by 60 (tests/promrules.py `scaled_rules`):
a 5-minute window becomes 5 s and `for: 3m` becomes 3 s, the expressions themselves are not repeated here.
Numbers inside expressions are not durations and are not scaled, which is why SevaSinkStale states its
staleness as a window (`increase(seva_sink_batches_total[10m])`, 10 s here) and not as `time() - ... > 600`.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from deploy.localstack import find_binary, http_get, wait_until
from seva.kafka import delete_namespace, ensure_topics
from seva.settings import Settings
from seva.topics import CORE_TOPICS, namespaced
from tests.promrules import scaled_rules

TIME_SCALE = 60  # production minutes become test seconds

PROMETHEUS = find_binary("prometheus")
ALERTMANAGER = find_binary("prometheus-alertmanager", "alertmanager")
pytestmark = pytest.mark.skipif(
    PROMETHEUS is None or ALERTMANAGER is None,
    reason="needs Debian's prometheus and prometheus-alertmanager binaries (apt-get install ...) - NOT run",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Receiver:
    """Alertmanager's webhook target: remembers every (alertname, instance, status) it was sent."""

    port: int
    notifications: list[tuple[str, str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    since: int = 0

    def mark(self) -> None:
        """From now on, only what arrives after this call counts."""
        with self.lock:
            self.since = len(self.notifications)

    def got(self, alertname: str, status: str) -> bool:
        return any(n[0] == alertname and n[2] == status for n in self.summary())

    def summary(self) -> list[tuple[str, str, str]]:
        with self.lock:
            return list(self.notifications[self.since:])


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    rec = Receiver(_free_port())

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            with rec.lock:
                for alert in body.get("alerts", []):
                    labels = alert.get("labels", {})
                    rec.notifications.append((labels.get("alertname", ""), labels.get("instance", ""),
                                              alert.get("status", "")))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", rec.port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield rec
    server.shutdown()
    server.server_close()


class Proc:
    """A background process with its output in a file, stopped (and reaped) at the end."""

    def __init__(self, name: str, argv: list[str], log_dir: Path, env: dict[str, str] | None = None) -> None:
        self.name = name
        self.log = log_dir / f"{name}.log"
        self._out = self.log.open("wb")
        self.proc = subprocess.Popen(argv, stdout=self._out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     env={**os.environ, **(env or {})})

    def signal(self, sig: int) -> None:
        self.proc.send_signal(sig)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)  # a stopped process cannot act on SIGTERM
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._out.close()

    def tail(self, lines: int = 15) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@dataclass
class Monitoring:
    prometheus_url: str
    alertmanager_url: str

    def query(self, promql: str) -> list[dict[str, object]]:
        url = f"{self.prometheus_url}/api/v1/query?" + urllib.parse.urlencode({"query": promql})
        with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 (our own loopback Prometheus)
            return list(json.load(resp)["data"]["result"])


def _monitoring(tmp: Path, receiver: Receiver, targets: list[str], procs: list[Proc]) -> Monitoring:
    am_port, prom_port = _free_port(), _free_port()
    am_config = {
        "route": {"receiver": "test", "group_by": ["alertname", "instance"],
                  "group_wait": "1s", "group_interval": "1s", "repeat_interval": "1h"},
        "receivers": [{"name": "test", "webhook_configs": [
            {"url": f"http://127.0.0.1:{receiver.port}/", "send_resolved": True}]}],
    }
    (tmp / "alertmanager.yml").write_text(yaml.safe_dump(am_config))
    # The production rules, every duration divided by TIME_SCALE (see the module docstring).
    (tmp / "rules.yml").write_text(yaml.safe_dump(scaled_rules(TIME_SCALE), sort_keys=False))
    prom_config = {
        "global": {"scrape_interval": "1s", "scrape_timeout": "900ms", "evaluation_interval": "1s"},
        "alerting": {"alertmanagers": [{"static_configs": [{"targets": [f"127.0.0.1:{am_port}"]}]}]},
        "rule_files": [str(tmp / "rules.yml")],
        "scrape_configs": [{"job_name": "seva", "static_configs": [{"targets": targets}]}],
    }
    (tmp / "prometheus.yml").write_text(yaml.safe_dump(prom_config))
    assert ALERTMANAGER and PROMETHEUS
    procs.append(Proc("alertmanager", [
        ALERTMANAGER, f"--config.file={tmp / 'alertmanager.yml'}", f"--storage.path={tmp / 'am'}",
        f"--web.listen-address=127.0.0.1:{am_port}", "--cluster.listen-address=", "--log.level=warn",
    ], tmp))
    procs.append(Proc("prometheus", [
        PROMETHEUS, f"--config.file={tmp / 'prometheus.yml'}", f"--storage.tsdb.path={tmp / 'prom'}",
        f"--web.listen-address=127.0.0.1:{prom_port}", "--log.level=warn",
    ], tmp))
    mon = Monitoring(f"http://127.0.0.1:{prom_port}", f"http://127.0.0.1:{am_port}")
    for url, proc in ((mon.alertmanager_url, procs[-2]), (mon.prometheus_url, procs[-1])):
        ready = wait_until(lambda url=url: (http_get(f"{url}/-/ready") or (0, ""))[0] == 200, 30, 0.2)
        assert ready, f"{proc.name} not ready:\n{proc.tail()}"
    return mon


def test_a_frozen_worker_pages_through_alertmanager_and_resolves_when_it_runs_again(
    stack_settings: Settings, receiver: Receiver, tmp_path: Path
) -> None:
    prefix = f"a{uuid.uuid4().hex[:8]}."
    specs = [namespaced(t, prefix) for t in CORE_TOPICS]
    ensure_topics(stack_settings.kafka, specs)
    producer_port, worker_port = _free_port(), _free_port()
    env = {"SEVA_METRICS__PRODUCER_PORT": str(producer_port), "SEVA_METRICS__WORKER_PORT": str(worker_port),
           "SEVA_METRICS__LAG_INTERVAL_S": "1"}
    seva = [sys.executable, "-m", "seva.cli"]
    procs: list[Proc] = []
    worker_instance = f"127.0.0.1:{worker_port}"
    try:
        mon = _monitoring(tmp_path, receiver, [f"127.0.0.1:{producer_port}", worker_instance], procs)
        worker = Proc("worker", [*seva, "worker", "--namespace", prefix, "--loglevel", "INFO"], tmp_path, env)
        procs.append(worker)
        procs.append(Proc("producer", [*seva, "produce", "--source", "synthetic", "--count", "100000",
                                       "--rate", "20", "--namespace", prefix], tmp_path, env))

        # Healthy first: the worker triages what the producer publishes, and neither alert is active. (While the
        # worker joins its group the producer may already publish: a real, short stall that may fire and resolve.)
        flowing = 'sum(increase(seva_worker_processed_total{stage="triage"}[5s])) > 0'
        assert wait_until(lambda: bool(mon.query(flowing)), 60, 0.5), f"worker never processed:\n{worker.tail()}"
        quiet = wait_until(lambda: not mon.query('ALERTS{alertname=~"SevaPipelineStalled|SevaTargetDown"}'), 30, 0.5)
        assert quiet, f"alerts active while the pipeline flows: {mon.query('ALERTS')}"
        time.sleep(2)  # let a resolved notification of the start-up settle before counting
        receiver.mark()

        worker.signal(signal.SIGSTOP)  # frozen: alive, holds its port, answers nothing
        frozen_at = time.monotonic()
        both_fired = wait_until(lambda: receiver.got("SevaTargetDown", "firing")
                                and receiver.got("SevaPipelineStalled", "firing"), 40, 0.25)
        assert both_fired, f"no page within 40 s of the stall; received {receiver.summary()}"
        fired_after = time.monotonic() - frozen_at
        assert ("SevaTargetDown", worker_instance, "firing") in receiver.summary()

        worker.signal(signal.SIGCONT)
        both_resolved = wait_until(lambda: receiver.got("SevaTargetDown", "resolved")
                                   and receiver.got("SevaPipelineStalled", "resolved"), 40, 0.25)
        assert both_resolved, (f"no resolved notification within 40 s of the restart; received "
                               f"{receiver.summary()}\n{worker.tail()}")
        print(f"pages {fired_after:.1f}s after the stall; notifications: {receiver.summary()}")
    finally:
        for proc in reversed(procs):
            proc.stop()
        delete_namespace(stack_settings.kafka, prefix)
        shutil.rmtree(tmp_path / "prom", ignore_errors=True)


def _scrape(port: int) -> str:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as resp:  # noqa: S310
            return str(resp.read().decode())
    except OSError:
        return ""


# Set SEVA_E2E_KEEP_SINK=1 to check that this test can fail: the sink is then left running and no page comes.
KEEP_SINK = os.environ.get("SEVA_E2E_KEEP_SINK") == "1"


def test_a_stopped_sink_pages_through_alertmanager_and_resolves_when_it_starts_again(
    stack_settings: Settings, ch_database: str, receiver: Receiver, tmp_path: Path
) -> None:
    prefix = f"s{uuid.uuid4().hex[:8]}."
    specs = [namespaced(t, prefix) for t in CORE_TOPICS]
    ensure_topics(stack_settings.kafka, specs)
    producer_port, worker_port, sink_port = _free_port(), _free_port(), _free_port()
    env = {"SEVA_METRICS__PRODUCER_PORT": str(producer_port), "SEVA_METRICS__WORKER_PORT": str(worker_port),
           "SEVA_METRICS__SINK_PORT": str(sink_port), "SEVA_METRICS__LAG_INTERVAL_S": "1",
           "SEVA_CLICKHOUSE__DATABASE": ch_database, "SEVA_SINK__BATCH_MAX_SECONDS": "0.5",
           "SEVA_SINK__GAUGES_INTERVAL_S": "2"}
    seva = [sys.executable, "-m", "seva.cli"]
    sink_group = f"{prefix}seva-sink"
    sink_argv = [*seva, "sink", "--namespace", prefix, "--group", sink_group]
    procs: list[Proc] = []
    sink_instance = f"127.0.0.1:{sink_port}"
    stall_alerts = 'ALERTS{alertname=~"SevaSinkStale|SevaTargetDown"}'
    try:
        mon = _monitoring(tmp_path, receiver, [f"127.0.0.1:{p}" for p in (producer_port, worker_port, sink_port)],
                          procs)
        procs.append(Proc("worker", [*seva, "worker", "--namespace", prefix, "--loglevel", "WARNING"], tmp_path,
                          env))
        sink = Proc("sink", sink_argv, tmp_path, env)
        procs.append(sink)
        procs.append(Proc("producer", [*seva, "produce", "--source", "synthetic", "--count", "100000",
                                       "--rate", "20", "--namespace", prefix], tmp_path, env))

        # Healthy first: complaints are routed and the sink commits batches; no stall alert is active.
        writing = "sum(increase(seva_sink_batches_total[5s])) > 0"
        assert wait_until(lambda: bool(mon.query(writing)), 60, 0.5), f"the sink never wrote:\n{sink.tail()}"
        # The sink serves the consumer lag of its own group (seva/lag.py), next to its own metrics.
        lag = f'seva_consumer_lag_messages{{group="{sink_group}",topic="{prefix}complaints.status"}}'
        assert wait_until(lambda: lag in _scrape(sink_port), 15, 0.5), f"no lag of {sink_group} on the sink"
        assert f'seva_consumer_committed_offset{{group="{sink_group}",' in _scrape(sink_port)
        assert wait_until(lambda: not mon.query(stall_alerts), 30, 0.5), f"alerts while healthy: {mon.query('ALERTS')}"
        time.sleep(2)  # let a resolved notification of the start-up settle before counting
        receiver.mark()

        if not KEEP_SINK:
            sink.signal(signal.SIGTERM)  # a clean stop: the sink flushes, commits and exits
            assert sink.proc.wait(30) == 0, f"the sink did not exit cleanly:\n{sink.tail()}"
        stopped_at = time.monotonic()
        both_fired = wait_until(lambda: receiver.got("SevaTargetDown", "firing")
                                and receiver.got("SevaSinkStale", "firing"), 40, 0.25)
        assert both_fired, f"no page within 40 s of stopping the sink; received {receiver.summary()}"
        fired_after = time.monotonic() - stopped_at
        assert ("SevaTargetDown", sink_instance, "firing") in receiver.summary()

        restarted = Proc("sink-restarted", sink_argv, tmp_path, env)
        procs.append(restarted)
        both_resolved = wait_until(lambda: receiver.got("SevaTargetDown", "resolved")
                                   and receiver.got("SevaSinkStale", "resolved"), 45, 0.25)
        assert both_resolved, (f"no resolved notification within 45 s of the restart; received "
                               f"{receiver.summary()}\n{restarted.tail()}")
        print(f"pages {fired_after:.1f}s after the sink stopped; notifications: {receiver.summary()}")
    finally:
        for proc in reversed(procs):
            proc.stop()
        delete_namespace(stack_settings.kafka, prefix)
        shutil.rmtree(tmp_path / "prom", ignore_errors=True)
