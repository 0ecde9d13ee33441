"""Durations exactly as Go's time.ParseDuration reads them (the provider parses custom timeouts so)."""

from __future__ import annotations

import pytest

from encrypted_workspaces.aws.timeouts import duration_minutes, parse_duration_ns, timeout_ns

H, M, S = 3600 * 10**9, 60 * 10**9, 10**9

# Cases from Go's own src/time/time_test.go (parseDurationTests), in nanoseconds.
GO_ACCEPTS = [
    ("0", 0),
    ("5s", 5 * S),
    ("30s", 30 * S),
    ("1478s", 1478 * S),
    ("-5s", -5 * S),
    ("+5s", 5 * S),
    ("-0", 0),
    ("+0", 0),
    ("5.0s", 5 * S),
    ("5.6s", 5 * S + 600_000_000),
    ("5.s", 5 * S),
    (".5s", 500_000_000),
    ("1.0s", S),
    ("1.00s", S),
    ("1.004s", S + 4_000_000),
    ("1.0040s", S + 4_000_000),
    ("100.00100s", 100 * S + 1_000_000),
    ("10ns", 10),
    ("11us", 11_000),
    ("12µs", 12_000),  # U+00B5
    ("12μs", 12_000),  # U+03BC
    ("13ms", 13_000_000),
    ("14s", 14 * S),
    ("15m", 15 * M),
    ("16h", 16 * H),
    ("3h30m", 3 * H + 30 * M),
    ("10.5s4m", 4 * M + 10 * S + 500_000_000),
    ("-2m3.4s", -(2 * M + 3 * S + 400_000_000)),
    ("1h2m3s4ms5us6ns", H + 2 * M + 3 * S + 4_000_000 + 5_000 + 6),
    ("39h9m14.425s", 39 * H + 9 * M + 14 * S + 425_000_000),
    ("52763797000ns", 52763797000),
    ("0.3333333333333333333h", 20 * M),
    ("9007199254740993ns", (1 << 53) + 1),
    ("9223372036854775807ns", (1 << 63) - 1),
    ("9223372036854775.807us", (1 << 63) - 1),
    ("9223372036s854ms775us807ns", (1 << 63) - 1),
    ("-9223372036854775808ns", -(1 << 63)),
    ("-9223372036854775.808us", -(1 << 63)),
    ("0.100000000000000000000h", 6 * M),
    ("0.830103483285477580700h", 49 * M + 48 * S + 372_539_827),
    ("1.5h", 90 * M),
    ("2562047h", 2562047 * H),
]
GO_REFUSES = [
    "",
    "3",
    "-",
    "s",
    ".",
    "-.",
    ".s",
    "+.s",
    "1d",
    "\x85\x85",
    "\xffff",
    "hello \xffff world",
    "9223372036854775808ns",
    "9223372036854775.808us",
    "9223372036854ms775us808ns",
    "-9223372036854775809ns",
    "2562048h",
    "١٥m",  # Arabic-Indic digits: Go's digits are ASCII
    "１５m",  # full-width digits
    "90 m",
    "90M",
    " 90m",
]


@pytest.mark.parametrize(("text", "ns"), GO_ACCEPTS)
def test_what_go_accepts_is_accepted_with_the_same_value(text, ns):
    assert parse_duration_ns(text) == ns


@pytest.mark.parametrize("text", GO_REFUSES)
def test_what_go_refuses_is_refused(text):
    with pytest.raises(ValueError, match="got"):
        parse_duration_ns(text)


@pytest.mark.parametrize("text", ["-5s", "-1h", "-9223372036854775808ns"])
def test_a_negative_timeout_is_refused_though_go_parses_it(text):
    with pytest.raises(ValueError, match="must not be negative"):
        timeout_ns(text)


@pytest.mark.parametrize(
    ("text", "minutes"), [("90m", 90), ("1h30m", 90), ("5400s", 90), ("1.5h", 90), (".5h", 30)]
)
def test_minutes_of_a_timeout(text, minutes):
    assert duration_minutes(text) == minutes
