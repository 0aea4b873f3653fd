"""The instrumentation benchmark runs and reports figures that add up (not their values: no timing asserts)."""

from __future__ import annotations

from streams.bench_metrics import bench_metrics


def test_bench_metrics_reports_on_off_and_alone() -> None:
    result = bench_metrics(count=150, passes=1)
    assert result.tweets > 0 and result.passes == 1
    assert result.off_cpu_us_per_msg > 0 and result.on_cpu_us_per_msg > 0
    assert result.on_minus_off_us_per_msg == result.on_cpu_us_per_msg - result.off_cpu_us_per_msg
    assert result.instrumentation_alone_us_per_msg > 0
