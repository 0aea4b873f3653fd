"""The instrumentation benchmark runs and reports figures that add up (not their values: no timing asserts)."""

from __future__ import annotations

from streams.bench_metrics import bench_metrics


def test_bench_metrics_reports_on_off_and_alone() -> None:
    result = bench_metrics(count=150, passes=1)
    assert result.tweets > 0 and result.passes == 1
    assert result.off_cpu_us_per_msg > 0 and result.on_cpu_us_per_msg > 0
    assert result.on_minus_off_us_per_msg == result.on_cpu_us_per_msg - result.off_cpu_us_per_msg
    assert result.instrumentation_alone_us_per_msg > 0


def test_runqueue_seconds_sums_threads_and_skips_vanished_ones(tmp_path) -> None:
    from seva.bench import runqueue_seconds

    (tmp_path / "a").write_text("2000000000 500000000 10\n")
    (tmp_path / "b").write_text("1000000000 250000000 3\n")
    assert runqueue_seconds([tmp_path / "a", tmp_path / "b", tmp_path / "gone"]) == (3.0, 0.75)
    run, wait = runqueue_seconds([tmp_path / "gone"])
    assert run != run and wait != wait  # NaN: nothing to read


def test_cpu_pressure_seconds_reads_psi_some_total(tmp_path) -> None:
    from seva.bench import cpu_pressure_seconds

    psi = tmp_path / "cpu"
    psi.write_text("some avg10=0.43 avg60=0.47 avg300=3.57 total=4707825190\n"
                   "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n")
    assert cpu_pressure_seconds(psi) == 4707.82519
    missing = cpu_pressure_seconds(tmp_path / "none")
    assert missing != missing


def test_machine_cpu_seconds_sums_by_role(tmp_path) -> None:
    import os

    from seva.bench import machine_cpu_seconds

    tick = os.sysconf("SC_CLK_TCK")

    def proc(pid: int, ticks: int, cmdline: bytes) -> None:
        d = tmp_path / str(pid)
        d.mkdir()
        # comm may hold spaces and parentheses: fields are counted after the last ')'
        rest = ["S"] + ["0"] * 10 + [str(ticks), str(ticks)] + ["0"] * 30
        (d / "stat").write_text(f"{pid} (a (b) c) " + " ".join(rest))
        (d / "cmdline").write_bytes(cmdline)

    proc(10, tick, b"java\0-cp\0x\0kafka.Kafka\0server.properties\0")
    proc(11, 2 * tick, b"/usr/bin/clickhouse-server\0--config\0")
    proc(12, 3 * tick, b"python\0-m\0seva.cli\0worker\0")
    proc(13, tick, b"bash\0")
    (tmp_path / "self").mkdir()  # not a pid: skipped
    got = machine_cpu_seconds({12: "worker"}, proc=tmp_path)
    assert got == {"kafka": 2.0, "clickhouse": 4.0, "worker": 6.0, "other": 2.0}
