"""Custom timeouts as Pulumi and the AWS provider read them: Go's ``time.ParseDuration``.

Pulumi hands a resource's custom timeouts to the provider as strings, and the provider (Go) parses them
with ``time.ParseDuration``; this is a port of it (Go's ``src/time/format.go``: ``ParseDuration``,
``leadingInt``, ``leadingFraction``, ``unitMap``), on the string's UTF-8 bytes as Go reads it, so that
what Go accepts (``1.5h``, ``.5h``, ``1h30m``, ``90m0.5s``, ``+2h``, ``0``) is accepted and what it
refuses is refused: non-ASCII digits, a missing or unknown unit, a value past 2^63-1 nanoseconds
(~2562047h). A negative duration parses in Go but is no timeout at all, so it is refused here too.
"""

from __future__ import annotations

# pulumi-aws (the Terraform provider it bridges) waits 30 minutes for a WorkSpace to become
# AVAILABLE, 10 for each property change and 10 for it to terminate by default
# (terraform-provider-aws internal/service/workspaces/wait.go: WorkspaceAvailableTimeout,
# WorkspaceUpdatingTimeout, WorkspaceTerminatedTimeout).
PROVIDER_DEFAULT_CREATE_MINUTES = 30
PROVIDER_DEFAULT_UPDATE_MINUTES = 10
PROVIDER_DEFAULT_DELETE_MINUTES = 10
PROVIDER_DEFAULT_UPDATE_MINUTES = 10
PROVIDER_DEFAULT_DELETE_MINUTES = 10

NANOSECONDS_PER_MINUTE = 60 * 1_000_000_000
_MAX = 1 << 63  # Go works in uint64 and refuses anything past 1<<63 (and past 1<<63-1 unsigned)
_UNITS: dict[bytes, int] = {
    b"ns": 1,
    b"us": 1_000,
    "\u00b5s".encode(): 1_000,  # U+00B5 micro sign
    "\u03bcs".encode(): 1_000,  # U+03BC Greek small letter mu
    b"ms": 1_000_000,
    b"s": 1_000_000_000,
    b"m": 60 * 1_000_000_000,
    b"h": 3600 * 1_000_000_000,
}
# Go's grammar, [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+ with its units, without the minus a timeout cannot
# have: for the stack-file schema. (The schema cannot say where a duration overflows; the model does.)
DURATION_PATTERN = r"\+?(?:0|(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)"
ALLOWED = "a Go duration such as '90m', '1h30m', '1.5h' or '5400s' (units h, m, s, ms, us, ns)"


def _is_digit(byte: int) -> bool:
    return 0x30 <= byte <= 0x39


def parse_duration_ns(value: str) -> int:
    """Nanoseconds in ``value``, exactly as Go's ``time.ParseDuration`` reads it (negatives allowed).

    Raises ValueError with Go's reason.
    """
    s = value.encode("utf-8", "surrogatepass")
    invalid = ValueError(f"must be {ALLOWED} (got {value!r})")
    negative = False
    if s[:1] in (b"-", b"+"):
        negative = s[:1] == b"-"
        s = s[1:]
    if s == b"0":
        return 0
    if not s:
        raise invalid
    total = 0
    while s:
        if not (s[0] == 0x2E or _is_digit(s[0])):
            raise invalid
        # leadingInt: [0-9]*
        i, whole = 0, 0
        while i < len(s) and _is_digit(s[i]):
            if whole > _MAX // 10:
                raise ValueError(f"is too long: durations end at ~2562047h (got {value!r})")
            whole = whole * 10 + s[i] - 0x30
            if whole > _MAX:
                raise ValueError(f"is too long: durations end at ~2562047h (got {value!r})")
            i += 1
        before_point, s = i > 0, s[i:]
        # leadingFraction: (\.[0-9]*)?
        fraction, scale, after_point = 0, 1.0, False
        if s[:1] == b".":
            s = s[1:]
            i, overflow = 0, False
            while i < len(s) and _is_digit(s[i]):
                if not overflow:
                    if fraction > (_MAX - 1) // 10:
                        overflow = True
                    else:
                        candidate = fraction * 10 + s[i] - 0x30
                        if candidate > _MAX:
                            overflow = True
                        else:
                            fraction, scale = candidate, scale * 10
                i += 1
            after_point, s = i > 0, s[i:]
        if not before_point and not after_point:
            raise invalid
        # the unit: everything up to the next digit or '.'
        i = 0
        while i < len(s) and not (s[i] == 0x2E or _is_digit(s[i])):
            i += 1
        if i == 0:
            raise ValueError(f"needs a unit (h, m, s, ms, us, ns): {ALLOWED} (got {value!r})")
        unit = _UNITS.get(s[:i])
        s = s[i:]
        if unit is None:
            raise ValueError(f"has an unknown unit: {ALLOWED} (got {value!r})")
        if whole > _MAX // unit:
            raise ValueError(f"is too long: durations end at ~2562047h (got {value!r})")
        whole *= unit
        if fraction > 0:
            # Go: float64 is needed to be nanosecond accurate for fractions of hours.
            whole += int(float(fraction) * (float(unit) / scale))
            if whole > _MAX:
                raise ValueError(f"is too long: durations end at ~2562047h (got {value!r})")
        total += whole
        if total > _MAX:
            raise ValueError(f"is too long: durations end at ~2562047h (got {value!r})")
    if negative:
        return -total
    if total > _MAX - 1:
        raise ValueError(f"is too long: durations end at ~2562047h (got {value!r})")
    return total


def timeout_ns(value: str) -> int:
    """A custom timeout's nanoseconds: a Go duration without a minus sign (not even ``-0``)."""
    ns = parse_duration_ns(value)
    if ns < 0 or value.startswith("-"):
        raise ValueError(f"must not be negative: {ALLOWED} (got {value!r})")
    return ns


def duration_minutes(value: str) -> float:
    """Minutes in a Pulumi custom timeout such as ``90m``, ``1h30m``, ``1.5h`` or ``5400s``."""
    return timeout_ns(value) / NANOSECONDS_PER_MINUTE
