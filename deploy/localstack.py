"""The local stack: Kafka (KRaft, from jars), ClickHouse, Prometheus and Alertmanager as loopback processes.

`seva up` / `seva down` / `seva status` call `LocalStack`. Every process binds 127.0.0.1, keeps all its state
under `Settings.stack.state_dir`, and is found again through a pid file whose command line must name that
folder, so `down` never touches a process that is not ours and `up` is idempotent.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from string import Template

from seva.errors import ComponentInstallError, PortInUseError, ReadinessTimeoutError, StackError
from seva.settings import Settings

log = logging.getLogger(__name__)

DEPLOY_DIR = Path(__file__).resolve().parent
KAFKA_POM = DEPLOY_DIR / "kafka" / "pom.xml"


# --------------------------------------------------------------------------------------------------------------
# Small helpers: ports, HTTP probes, processes, apt.


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    """True when nothing listens on host:port (SO_REUSEADDR, so sockets in TIME_WAIT do not count)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def tcp_open(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def http_get(url: str, timeout: float = 2.0) -> tuple[int, str] | None:
    """GET url; (status, body) or None when nothing answers. Only loopback/configured URLs are probed."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 (our own configured URL)
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (OSError, ValueError):
        return None


def wait_until(check: Callable[[], bool], timeout: float, interval: float = 0.25) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        if check():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


def find_binary(*names: str, extra_dirs: tuple[str, ...] = ("/usr/sbin", "/usr/bin", "/sbin")) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
        for folder in extra_dirs:
            candidate = Path(folder) / name
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    return None


_apt_updated = False


def apt_install(packages: list[str], why: str) -> None:
    """Install Debian packages, or explain in one line why that is not possible here."""
    global _apt_updated
    if shutil.which("apt-get") is None:
        raise ComponentInstallError(
            f"{why}: no apt-get on this machine (not Debian-like); install {' '.join(packages)} yourself "
            "or point Seva at existing servers (see README, 'Existing clusters')"
        )
    if os.geteuid() != 0:
        raise ComponentInstallError(
            f"{why}: installing {' '.join(packages)} needs root; run "
            f"'sudo apt-get install -y {' '.join(packages)}' once, then retry"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    cmd = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages]
    log.warning("installing %s with apt-get (%s)", " ".join(packages), why)
    if not _apt_updated:
        subprocess.run(["apt-get", "update", "-q"], env=env, check=False, capture_output=True)
        _apt_updated = True
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise ComponentInstallError(f"{why}: 'apt-get install {' '.join(packages)}' failed: {last}")


@dataclass
class ManagedProcess:
    """A background process of the local stack, remembered by a pid file and owned through its command line."""

    name: str
    state_dir: Path

    @property
    def pid_file(self) -> Path:
        return self.state_dir / "run" / f"{self.name}.pid"

    @property
    def log_file(self) -> Path:
        return self.state_dir / "logs" / f"{self.name}.out"

    def pid(self) -> int | None:
        """The pid if the process is alive and ours (its command line names our state folder)."""
        try:
            pid = int(self.pid_file.read_text().strip())
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace")
        except (OSError, ValueError):
            return None
        if str(self.state_dir) not in cmdline:
            return None  # the pid was reused by somebody else's process
        with contextlib.suppress(OSError):
            status = Path(f"/proc/{pid}/status").read_text()
            if "\nState:\tZ" in status:
                return None
        return pid

    def exited(self) -> bool:
        """True once the process in the pid file is gone (or a zombie). Unlike pid(), this does not read the
        command line, which is briefly unreadable while a launcher (java's) re-executes itself."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return True
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(pid, os.WNOHANG)  # reap it if we are its parent
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return True
        return "\nState:\tZ" in status

    def start(self, argv: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> int:
        self.pid_file.parent.mkdir(parents=True, exist_ok=True)
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        with self.log_file.open("ab") as out:
            proc = subprocess.Popen(
                argv,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=cwd or self.state_dir,
                env={**os.environ, **(env or {})},
                start_new_session=True,  # survives the CLI; `down` signals the whole group
            )
        self.pid_file.write_text(str(proc.pid))
        # Popen returns once exec began; the kernel sets up the new command line a moment later, and until then
        # /proc/<pid>/cmdline is empty and pid() cannot tell the process is ours. Return when it can.
        wait_until(lambda: self.pid() is not None or proc.poll() is not None, 5.0, 0.01)
        return proc.pid

    def stop(self, timeout: float = 30.0) -> bool:
        """SIGTERM the process group, SIGKILL after timeout. True if something was stopped."""
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
        if not wait_until(lambda: self._reaped(pid), timeout, 0.2):
            log.warning("%s did not stop in %.0fs; killing it", self.name, timeout)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            wait_until(lambda: self._reaped(pid), 10, 0.1)
        self.pid_file.unlink(missing_ok=True)
        return True

    def _reaped(self, pid: int) -> bool:
        # When this Python process started the server (tests do), it must also reap it, or a zombie stays.
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(pid, os.WNOHANG)
        return self.pid() is None

    def log_tail(self, lines: int = 5) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


# --------------------------------------------------------------------------------------------------------------
# Components.


@dataclass(frozen=True)
class PortClaim:
    port: int
    what: str
    setting: str


class Component(ABC):
    """One server of the local stack."""

    name: str

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.state = settings.stack.state_dir.resolve()
        self.home = self.state / self.name
        self.process = ManagedProcess(self.name, self.state)

    @abstractmethod
    def ports(self) -> list[PortClaim]: ...

    @abstractmethod
    def install(self) -> None:
        """Make the binaries available (cached), or raise ComponentInstallError."""

    @abstractmethod
    def prepare(self) -> list[str]:
        """Write configuration into the state folder and return the command line to run."""

    @abstractmethod
    def ready(self) -> bool: ...

    @abstractmethod
    def address(self) -> dict[str, str]: ...

    def env(self) -> dict[str, str]:
        return {}

    def render(self, template: Path, target: Path, **values: object) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(Template(template.read_text()).substitute({k: str(v) for k, v in values.items()}))
        return target


class Kafka(Component):
    """Apache Kafka in KRaft mode, one combined broker+controller, run from jars."""

    name = "kafka"

    @property
    def broker_port(self) -> int:
        host, port = self.settings.kafka.first_broker
        if host not in ("127.0.0.1", "localhost"):
            raise StackError(
                f"SEVA_KAFKA__BOOTSTRAP_SERVERS={self.settings.kafka.bootstrap_servers} is not local: the local "
                "stack only runs on 127.0.0.1 (set SEVA_STACK__MANAGED=false to use that cluster instead)"
            )
        return port

    def ports(self) -> list[PortClaim]:
        return [
            PortClaim(self.broker_port, "kafka broker", "SEVA_KAFKA__BOOTSTRAP_SERVERS"),
            PortClaim(self.settings.stack.kafka_controller_port, "kafka controller",
                      "SEVA_STACK__KAFKA_CONTROLLER_PORT"),
        ]

    @property
    def version(self) -> str:
        return self.settings.stack.kafka_version

    def libs_dir(self) -> Path:
        if self.settings.kafka_home:
            return Path(self.settings.kafka_home) / "libs"
        cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "seva" / f"kafka-{self.version}"
        return cache / "libs"

    def uses_log4j2(self) -> bool:
        return any(self.libs_dir().glob("log4j-core-2*.jar"))

    def install(self) -> None:
        java = shutil.which("java")
        if java is None:
            raise ComponentInstallError(
                "kafka: no 'java' on PATH; Kafka needs Java 17 or newer (apt-get install openjdk-17-jre-headless)"
            )
        libs = self.libs_dir()
        if self.settings.kafka_home:
            if not any(libs.glob("kafka_2.*.jar")):
                raise ComponentInstallError(f"kafka: KAFKA_HOME={self.settings.kafka_home} has no libs/kafka_2.*.jar")
            return
        marker = libs / ".complete"
        if marker.exists():
            return
        mvn = shutil.which("mvn")
        if mvn is None:
            raise ComponentInstallError(
                "kafka: 'mvn' not found, needed once to fetch the broker jars from Maven Central "
                "(apt-get install maven), or set KAFKA_HOME to a Kafka distribution"
            )
        tmp = libs.with_name("libs.partial")
        shutil.rmtree(tmp, ignore_errors=True)
        log.warning("resolving Apache Kafka %s and its dependencies from Maven Central (once)", self.version)
        done = subprocess.run(
            [mvn, "-B", "-q", "-f", str(KAFKA_POM), f"-Dkafka.version={self.version}",
             "dependency:copy-dependencies", f"-DoutputDirectory={tmp}", "-DincludeScope=runtime"],
            capture_output=True, text=True, check=False,
        )
        if done.returncode != 0 or not any(tmp.glob("kafka_2.13-*.jar")):
            errors = [ln for ln in done.stdout.splitlines() if "ERROR" in ln] or ["(no output)"]
            raise ComponentInstallError(f"kafka: Maven could not resolve kafka_2.13:{self.version}: {errors[0]}")
        shutil.rmtree(libs, ignore_errors=True)
        tmp.rename(libs)
        marker.write_text(self.version)

    def java_argv(self, main: str, *args: str) -> list[str]:
        logs = self.home / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        if self.uses_log4j2():
            logging_opt = f"-Dlog4j2.configurationFile={DEPLOY_DIR / 'kafka' / 'log4j2.properties'}"
        else:
            logging_opt = f"-Dlog4j.configuration=file:{DEPLOY_DIR / 'kafka' / 'log4j.properties'}"
        heap = self.settings.stack.kafka_heap_mb
        return [
            "java", f"-Xms{min(heap, 256)}m", f"-Xmx{heap}m",
            "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
            "-Djava.awt.headless=true", f"-Dkafka.logs.dir={logs}", logging_opt,
            "-cp", f"{self.libs_dir()}/*", main, *args,
        ]

    def prepare(self) -> list[str]:
        data = self.home / "data"
        config = self.render(
            DEPLOY_DIR / "kafka" / "server.properties.tmpl",
            self.home / "server.properties",
            broker_port=self.broker_port,
            controller_port=self.settings.stack.kafka_controller_port,
            data_dir=data,
        )
        if not (data / "meta.properties").exists():
            cluster_id = self._cluster_id()
            done = subprocess.run(
                self.java_argv("kafka.tools.StorageTool", "format", "-t", cluster_id, "-c", str(config),
                               "--ignore-formatted"),
                capture_output=True, text=True, check=False,
            )
            if done.returncode != 0:
                last = (done.stderr.strip() or done.stdout.strip() or "(no output)").splitlines()[-1]
                raise StackError(f"kafka: formatting storage in {data} failed: {last}")
        return self.java_argv("kafka.Kafka", str(config))

    def _cluster_id(self) -> str:
        path = self.home / "cluster.id"
        if path.exists():
            return path.read_text().strip()
        # Kafka's Uuid: 16 random bytes, URL-safe base64 without padding, never starting with '-'.
        while True:
            cid = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()
            if not cid.startswith("-"):
                break
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(cid)
        return cid

    def ready(self) -> bool:
        host, port = self.settings.kafka.first_broker
        if not tcp_open(host, port):
            return False
        from seva.kafka import cluster_ready  # local import: the stack module is usable without Kafka clients

        return cluster_ready(self.settings.kafka, timeout=3.0)

    def address(self) -> dict[str, str]:
        return {"bootstrap": self.settings.kafka.bootstrap_servers}


class ClickHouse(Component):
    """ClickHouse server with a generated loopback config and its own data folder."""

    name = "clickhouse"

    def ports(self) -> list[PortClaim]:
        ch = self.settings.clickhouse
        return [
            PortClaim(ch.port, "clickhouse native", "SEVA_CLICKHOUSE__PORT"),
            PortClaim(ch.http_port, "clickhouse http", "SEVA_CLICKHOUSE__HTTP_PORT"),
            PortClaim(self.settings.stack.clickhouse_interserver_port, "clickhouse interserver",
                      "SEVA_STACK__CLICKHOUSE_INTERSERVER_PORT"),
        ]

    def binary(self) -> list[str] | None:
        server = find_binary("clickhouse-server")
        if server:
            return [server]
        single = find_binary("clickhouse")
        if single:
            return [single, "server"]
        return None

    def install(self) -> None:
        if self.binary() is None:
            apt_install(["clickhouse-server", "clickhouse-client"], "clickhouse: no clickhouse-server on PATH")
        if self.binary() is None:
            raise ComponentInstallError("clickhouse: installed clickhouse-server but cannot find its binary")

    def prepare(self) -> list[str]:
        ch = self.settings.clickhouse
        data = self.home / "data"
        for sub in ("tmp", "user_files", "format_schemas"):
            (data / sub).mkdir(parents=True, exist_ok=True)
        users = self.home / "users.xml"
        users.write_text((DEPLOY_DIR / "clickhouse" / "users.xml").read_text())
        config = self.render(
            DEPLOY_DIR / "clickhouse" / "config.xml.tmpl",
            self.home / "config.xml",
            log_dir=self.home / "logs",
            http_port=ch.http_port,
            tcp_port=ch.port,
            interserver_port=self.settings.stack.clickhouse_interserver_port,
            data_dir=data,
            users_config=users,
        )
        binary = self.binary()
        assert binary is not None
        return [*binary, f"--config-file={config}"]

    def ready(self) -> bool:
        answer = http_get(f"{self.settings.clickhouse.http_url}/ping")
        return answer is not None and answer[0] == 200 and answer[1].strip() == "Ok."

    def address(self) -> dict[str, str]:
        return {"native": self.settings.clickhouse.native, "http": self.settings.clickhouse.http_url}


class Prometheus(Component):
    """Prometheus scraping the Seva processes, with Seva's rules and the local Alertmanager."""

    name = "prometheus"

    def ports(self) -> list[PortClaim]:
        return [PortClaim(self.settings.prometheus.port, "prometheus", "SEVA_PROMETHEUS__URL")]

    def binary(self) -> str | None:
        return find_binary("prometheus")

    def install(self) -> None:
        if self.binary() is None:
            apt_install(["prometheus"], "prometheus: no prometheus on PATH")

    @property
    def targets_dir(self) -> Path:
        return self.home / "targets"

    def prepare(self) -> list[str]:
        prom = self.settings.prometheus
        m = self.settings.metrics
        self.targets_dir.mkdir(parents=True, exist_ok=True)
        seva_targets = "\n".join(
            f'      - targets: ["{m.host}:{port}"]\n        labels: {{process: {name}}}'
            for name, port in m.ports().items()
        )
        config = self.render(
            DEPLOY_DIR / "prometheus" / "prometheus.yml.tmpl",
            self.home / "prometheus.yml",
            scrape_interval=prom.scrape_interval_s,
            alertmanager_port=prom.alertmanager_port,
            prometheus_port=prom.port,
            rules_dir=DEPLOY_DIR / "prometheus" / "rules",
            targets_dir=self.targets_dir,
            seva_targets=seva_targets,
        )
        binary = self.binary()
        assert binary is not None
        return [
            binary, f"--config.file={config}", f"--storage.tsdb.path={self.home / 'data'}",
            f"--web.listen-address=127.0.0.1:{prom.port}", "--web.enable-lifecycle",
            "--storage.tsdb.retention.time=7d", "--log.level=warn",
        ]

    def ready(self) -> bool:
        answer = http_get(f"{self.settings.prometheus.url}/-/ready")
        return answer is not None and answer[0] == 200

    def address(self) -> dict[str, str]:
        return {"url": self.settings.prometheus.url}


class Alertmanager(Component):
    """Alertmanager on its own port (not 9093, Kafka's usual controller port), gossip disabled."""

    name = "alertmanager"

    def ports(self) -> list[PortClaim]:
        return [PortClaim(self.settings.prometheus.alertmanager_port, "alertmanager",
                          "SEVA_PROMETHEUS__ALERTMANAGER_URL")]

    def binary(self) -> str | None:
        return find_binary("prometheus-alertmanager", "alertmanager")

    def install(self) -> None:
        if self.binary() is None:
            apt_install(["prometheus-alertmanager"], "alertmanager: no alertmanager on PATH")

    def prepare(self) -> list[str]:
        config = self.home / "alertmanager.yml"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text((DEPLOY_DIR / "prometheus" / "alertmanager.yml").read_text())
        binary = self.binary()
        assert binary is not None
        return [
            binary, f"--config.file={config}", f"--storage.path={self.home / 'data'}",
            f"--web.listen-address=127.0.0.1:{self.settings.prometheus.alertmanager_port}",
            "--cluster.listen-address=", "--log.level=warn",
        ]

    def ready(self) -> bool:
        answer = http_get(f"{self.settings.prometheus.alertmanager_url}/-/ready")
        return answer is not None and answer[0] == 200

    def address(self) -> dict[str, str]:
        return {"url": self.settings.prometheus.alertmanager_url}


COMPONENTS: tuple[type[Component], ...] = (Kafka, ClickHouse, Prometheus, Alertmanager)


# --------------------------------------------------------------------------------------------------------------
# The stack as a whole.


class LocalStack:
    """Brings the local stack up and down and reports its state."""

    def __init__(self, settings: Settings, names: list[str] | None = None) -> None:
        self.settings = settings
        chosen = [c(settings) for c in COMPONENTS]
        if names:
            unknown = set(names) - {c.name for c in chosen}
            if unknown:
                raise StackError(f"unknown service(s): {', '.join(sorted(unknown))}")
            chosen = [c for c in chosen if c.name in names]
        self.components = chosen

    def __iter__(self) -> Iterator[Component]:
        return iter(self.components)

    def up(self, progress: Callable[[str], None] = lambda _msg: None) -> dict[str, float]:
        """Start what is not running, then wait for every component; returns seconds to ready per component."""
        if not self.settings.stack.managed:
            return self.wait_ready(progress)
        started: dict[str, float] = {}
        to_start = [c for c in self.components if c.process.pid() is None]
        # Check every port first, so a clash is reported before anything is started or installed.
        for comp in to_start:
            for claim in comp.ports():
                if not port_is_free(claim.port):
                    raise PortInUseError(claim.port, claim.what, claim.setting)
        for comp in to_start:
            progress(f"{comp.name}: installing (cached after the first time)")
            comp.install()
            argv = comp.prepare()
            pid = comp.process.start(argv, env=comp.env())
            started[comp.name] = time.monotonic()
            progress(f"{comp.name}: started (pid {pid}), log {comp.process.log_file}")
        return self.wait_ready(progress, started)

    def wait_ready(
        self, progress: Callable[[str], None] = lambda _msg: None, started: dict[str, float] | None = None
    ) -> dict[str, float]:
        timings: dict[str, float] = {}
        timeout = self.settings.stack.ready_timeout_s
        for comp in self.components:
            t0 = (started or {}).get(comp.name, time.monotonic())

            def check(comp: Component = comp) -> bool:
                if self.settings.stack.managed and comp.process.exited():
                    tail = comp.process.log_tail(3).replace("\n", " | ")
                    raise StackError(f"{comp.name} exited during start-up; see {comp.process.log_file}: {tail}")
                return comp.ready()

            if not wait_until(check, timeout, 0.3):
                raise ReadinessTimeoutError(
                    f"{comp.name} did not become ready within {timeout:.0f}s at {comp.address()}; "
                    f"see {comp.process.log_file}"
                )
            timings[comp.name] = time.monotonic() - t0
            progress(f"{comp.name}: ready at {', '.join(comp.address().values())}")
        return timings

    def down(self, progress: Callable[[str], None] = lambda _msg: None) -> list[str]:
        stopped = []
        for comp in reversed(self.components):
            if comp.process.stop():
                stopped.append(comp.name)
                progress(f"{comp.name}: stopped")
        return stopped

    def status(self) -> dict[str, dict[str, object]]:
        out: dict[str, dict[str, object]] = {}
        for comp in self.components:
            entry: dict[str, object] = dict(comp.address())
            entry["up"] = comp.ready()
            entry["managed"] = self.settings.stack.managed
            if self.settings.stack.managed:
                entry["pid"] = comp.process.pid()
            if isinstance(comp, Kafka):
                entry["version"] = comp.version if not self.settings.kafka_home else "KAFKA_HOME"
            out[comp.name] = entry
        return out

    def reset(self) -> None:
        """Delete all local state (data, logs); the stack must be down."""
        if any(c.process.pid() for c in self.components):
            raise StackError("the stack is running: run 'seva down' before removing its state")
        shutil.rmtree(self.settings.stack.state_dir, ignore_errors=True)


# What each Seva process counts as its work, and when it last succeeded (the metric contract of issue #6).
PROCESS_HEALTH_METRICS: dict[str, tuple[str, str | None]] = {
    "producer": ("seva_producer_published_total", "seva_producer_last_publish_timestamp_seconds"),
    "worker": ("seva_worker_processed_total", "seva_worker_last_success_timestamp_seconds"),
    "sink": ("seva_sink_rows_written_total", "seva_sink_last_success_timestamp_seconds"),
    "responder": ("seva_responder_events_emitted_total", None),
}


def process_health(name: str, exposition: str, now: float) -> dict[str, object]:
    """Health figures of one process from its /metrics text: work done, age of the last success, lag."""
    from prometheus_client.parser import text_string_to_metric_families

    done_name, last_name = PROCESS_HEALTH_METRICS.get(name, ("", None))
    done = 0.0
    last: float | None = None
    lag: float | None = None
    for family in text_string_to_metric_families(exposition):
        for sample in family.samples:
            if sample.name == done_name:
                done += sample.value
            elif last_name and sample.name == last_name and sample.value > 0:
                last = max(last or 0.0, sample.value)
            elif sample.name == "seva_consumer_lag_messages":
                lag = (lag or 0.0) + sample.value
    out: dict[str, object] = {"processed": int(done)}
    if last_name:
        out["last_success_age_s"] = round(now - last, 1) if last is not None else None
    if lag is not None:
        out["consumer_lag"] = int(lag)
    return out


def seva_process_status(settings: Settings) -> dict[str, dict[str, object]]:
    """Health of Seva's own processes, read from their metrics endpoints: up, work done, last success age."""
    out: dict[str, dict[str, object]] = {}
    for name, port in settings.metrics.ports().items():
        url = f"http://{settings.metrics.host}:{port}/metrics"
        answer = http_get(url, timeout=1.0)
        entry: dict[str, object] = {"metrics": url, "up": answer is not None and answer[0] == 200}
        if answer is not None and answer[0] == 200:
            try:
                entry.update(process_health(name, answer[1], time.time()))
            except ValueError as exc:  # not Prometheus text: something else listens on that port
                entry["error"] = f"unreadable metrics: {exc}"
                entry["up"] = False
        out[name] = entry
    return out


def register_scrape_target(settings: Settings, job_name: str, port: int, labels: dict[str, str]) -> Path:
    """Ask the local Prometheus to scrape one more process (file service discovery); returns the file."""
    folder = settings.stack.state_dir.resolve() / "prometheus" / "targets"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{job_name}-{port}.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps([{"targets": [f"{settings.metrics.host}:{port}"], "labels": labels}]))
    tmp.rename(path)  # atomic: Prometheus never reads half a file
    return path
