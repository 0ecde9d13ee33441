"""benchmarks/plan_scale.py turns one run's measurements into the docs/benchmarks.md table and verdicts.

Synthetic measurements: what is tested is the arithmetic and the page, not the machine's speed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
SCRIPT = PROJECT / "benchmarks" / "plan_scale.py"


def _bench():
    spec = importlib.util.spec_from_file_location("plan_scale", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _result(floor_s, plan_s, floor_mib=100.0, plan_mib=110.0):
    return {
        "floor": (floor_s, floor_mib),
        "floor, GC as plan": (floor_s * 0.8, floor_mib),
        "plan": (plan_s, plan_mib),
    }


# plan's per-user time is flat from 5,000 on; the floor's grows by half from 5,000 to 20,000.
SIZES = {
    500: _result(1.0, 2.0),
    5000: _result(10.0, 10.0),
    10000: _result(22.0, 20.0, plan_mib=130.0),
    20000: _result(60.0, 40.0),
}


def test_the_table_has_a_row_per_size_with_ratios_against_the_floor():
    rows = _bench().table_rows(SIZES)
    assert [row[0] for row in rows] == ["500", "5,000", "10,000", "20,000"]
    ten_thousand = dict(zip(_bench().HEADER, rows[2], strict=True))
    assert ten_thousand["time ×"] == "0.91"
    assert ten_thousand["memory ×"] == "1.30"
    assert ten_thousand["plan ms/user"] == "2.00"
    assert ten_thousand["per-user × (plan)"] == "0.50"  # 2 ms against 4 ms at 500
    assert ten_thousand["× floor with plan's GC"] == f"{20.0 / (22.0 * 0.8):.2f}"


def test_the_verdicts_judge_the_targets_and_flatness_from_two_starting_sizes():
    lines = _bench().verdicts(SIZES)
    assert lines[0].startswith("5,000 users: time 1.00× the floor's (met") and "memory 1.10× (met" in lines[0]
    assert lines[1].startswith("10,000 users: time 0.91× the floor's (met")
    assert "memory 1.30× (NOT met" in lines[1]
    assert lines[2].startswith("per-user cost from 500 to 20,000 users: plan ×0.50, floor ×1.50")
    assert lines[3].startswith("per-user cost from 5,000 to 20,000 users: plan ×1.00, floor ×1.50")


def test_the_page_says_when_where_and_how_to_measure_again():
    page = _bench().markdown(SIZES, 1, "2030-01-02 03:04", ((1.0, 1.0, 1.0), (2.0, 2.0, 2.0)), "shared")
    assert page.startswith("# How plan scales\n")
    assert "`make benchmark`" in page
    assert "- Measured: 2030-01-02 03:04 (UTC), sizes 500,5000,10000,20000, best of 1." in page
    assert "- Machine: " in page and " cores, " in page
    assert "- Note: shared" in page
    assert page.count("\n| ") == 2 + len(SIZES)
