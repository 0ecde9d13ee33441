"""DIR is plan's own, files and flags are exit 2 naming them, and a closed stdout ends quietly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from encrypted_workspaces.cli import main
from encrypted_workspaces.exit_codes import EXIT_OUTPUT_CLOSED
from encrypted_workspaces.plan import output_dir
from tests.plan.writes import fill_the_disk_while_writing, snapshot

PROJECT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).with_name("encrypted-workspaces")
DEV = PROJECT / "stacks" / "Pulumi.dev.yaml"


def plan(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["plan", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("out", [".", "", "./"])
def test_the_current_directory_is_refused_and_nothing_is_touched(tmp_path, capsys, monkeypatch, out):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "mine.json").write_text("{}")
    (tmp_path / "plan.json").write_text("{}")
    before = snapshot(tmp_path)
    code, stdout, err = plan(capsys, "--stack", "dev", "--project-dir", str(PROJECT), "--out", out)
    assert (code, stdout) == (2, "")
    assert err.startswith("--out: ") and len(err.splitlines()) == 1
    assert snapshot(tmp_path) == before


def test_a_directory_holding_anything_but_a_plan_is_refused_untouched(tmp_path, capsys):
    out = tmp_path / "o"
    assert plan(capsys, "--stack", "dev", "--out", str(out))[0] == 0
    (out / "notes.txt").write_text("mine")
    before = snapshot(out)
    code, _, err = plan(capsys, "--stack", "dev", "--out", str(out))
    assert code == 2
    assert err.startswith("--out: holds 'notes.txt', which no plan writes")
    assert snapshot(out) == before


def test_the_projects_own_folders_are_refused(capsys):
    for folder in ("policies", "stacks", "tests"):
        code, _, err = plan(capsys, "--stack", "dev", "--out", str(PROJECT / folder))
        assert code == 2 and err.startswith("--out: holds "), folder
    assert (PROJECT / "policies" / "workspaces-guardrails" / "PulumiPolicy.yaml").is_file()


def test_a_file_as_dir_is_refused(tmp_path, capsys):
    target = tmp_path / "plan-here"
    target.write_text("a file")
    code, _, err = plan(capsys, "--stack", "dev", "--out", str(target))
    assert code == 2 and "is a file, not a directory" in err
    assert target.read_text() == "a file"
    code, _, err = plan(capsys, "--stack", "dev", "--out", str(target / "below"))
    assert code == 2 and "cannot be created" in err


def test_a_previous_plan_including_changes_json_is_replaced_whole(tmp_path, capsys):
    out = tmp_path / "o"
    assert plan(capsys, "--stack", "prod", "--out", str(out))[0] == 0
    (out / "changes.json").write_text("{}")  # what `plan --against` writes: plan's own
    (out / "policies" / "workspaces-default-role.json").write_text("{}")  # a policy prod no longer has
    assert plan(capsys, "--stack", "dev", "--out", str(out))[0] == 0
    assert json.loads((out / "plan.json").read_text())["stack"] == "dev"
    assert not (out / "changes.json").exists()  # stale: it compared another plan
    assert sorted(p.name for p in (out / "policies").iterdir()) == sorted(
        [
            "workspaces-default-role.json",
            "workspaces-key.json",
            "workspaces-key-grants.json",
            "workspaces-workspaces-admin.json",
        ]
    )
    assert [p.name for p in tmp_path.iterdir()] == ["o"]  # no staging directory left beside it


def test_a_failed_write_leaves_the_previous_plan_whole(tmp_path, capsys, monkeypatch):
    out = tmp_path / "o"
    assert plan(capsys, "--stack", "dev", "--out", str(out))[0] == 0
    before = snapshot(out)
    fill_the_disk_while_writing(monkeypatch)
    code, _, err = plan(capsys, "--stack", "dev", "--out", str(out))
    assert code == 1 and "No space left on device" in err
    assert not out.exists()  # a failed run leaves no plan, not even the previous one
    assert [p.name for p in tmp_path.iterdir()] == []
    assert before  # there was one


def test_the_write_itself_swaps_whole_directories(tmp_path):
    out = tmp_path / "o"
    out.mkdir()
    (out / "plan.json").write_text("old")

    def boom(staging):
        (staging / "plan.json").write_text("new, half")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        output_dir.write_atomically(out, boom)
    assert (out / "plan.json").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["o"]
    output_dir.write_atomically(out, lambda staging: (staging / "plan.json").write_text("new"))
    assert (out / "plan.json").read_text() == "new"
    assert oct(out.stat().st_mode & 0o777) != oct(0o700)


@pytest.mark.parametrize(
    ("flag", "make", "fragment"),
    [
        ("--config", lambda p: None, "no such file"),
        ("--config", lambda p: p.mkdir(), "is a directory"),
        ("--policy-config", lambda p: None, "cannot read"),
        ("--policy-config", lambda p: p.mkdir(), "cannot read"),
        ("--policy-config", lambda p: p.write_text("{not json"), "not valid JSON"),
        ("--policy-config", lambda p: p.write_bytes(b'{"a": "\xff"}'), "not valid JSON"),
    ],
)
def test_files_that_cannot_be_read_are_exit_2_naming_the_file(tmp_path, capsys, flag, make, fragment):
    target = tmp_path / "Pulumi.given.yaml"
    make(target)
    args = ["--out", str(tmp_path / "o"), flag, str(target)]
    if flag == "--policy-config":
        args += ["--stack", "dev"]
    code, out, err = plan(capsys, *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"{target}: ") and fragment in err, err


@pytest.mark.parametrize(("flag", "reader"), [("--config", "read_bytes"), ("--policy-config", "read_text")])
def test_a_file_without_read_permission_is_exit_2_naming_it(tmp_path, capsys, monkeypatch, flag, reader):
    # The permission error is raised where the file is read, rather than by chmod: root (as CI runs)
    # reads any file whatever its mode.
    target = tmp_path / "Pulumi.given.yaml"
    target.write_text("config: {}\n" if flag == "--config" else "{}")
    real = getattr(Path, reader)

    def denied(self, *args, **kwargs):
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, reader, denied)
    args = ["--out", str(tmp_path / "o"), flag, str(target)]
    if flag == "--policy-config":
        args += ["--stack", "dev"]
    code, out, err = plan(capsys, *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"{target}: ") and "cannot read" in err and "Permission denied" in err, err


@pytest.mark.parametrize("stack", ["my stack", "a/b", "x" * 101, "dev;rm", "é"])
def test_stack_names_pulumi_refuses_are_refused(capsys, stack):
    code, _, err = plan(capsys, "--stack", stack)
    assert code == 2 and err.startswith("--stack: stack names are 1 to 100")


def test_a_stack_file_whose_name_is_no_stack_name_is_refused(tmp_path, capsys):
    path = tmp_path / "Pulumi.my stack.yaml"
    path.write_text(DEV.read_text())
    code, _, err = plan(capsys, "--config", str(path), "--out", str(tmp_path / "o"))
    assert code == 2 and err.startswith("--config: the file name 'Pulumi.my stack.yaml' gives the stack name")


def test_a_project_without_pulumi_yaml_is_exit_2_naming_it(tmp_path, capsys):
    code, _, err = plan(capsys, "--project-dir", str(tmp_path), "--stack", "dev")
    assert (
        code == 2
        and err
        == f"--project-dir: {tmp_path} holds no Pulumi project file (Pulumi.json, Pulumi.yaml, Pulumi.yml)\n"
    )


def test_plan_piped_into_head_ends_quietly(tmp_path):
    out = tmp_path / "o"
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    writer = subprocess.run(
        [str(SCRIPT), "plan", "--stack", "prod", "--out", str(out)],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        check=False,
        timeout=300,
    )
    reader.stdin.close()
    assert reader.stdout.read() == b"Plan of en"
    reader.wait()
    assert writer.stderr == b""
    assert writer.returncode in (0, EXIT_OUTPUT_CLOSED)


def test_a_stdout_closed_before_the_summary_ends_quietly_and_the_plan_is_written(tmp_path):
    out = tmp_path / "o"
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before plan prints a byte
    try:
        writer = subprocess.run(
            [str(SCRIPT), "plan", "--stack", "prod", "--out", str(out)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            check=False,
            timeout=300,
        )
    finally:
        os.close(write_end)
    assert writer.stderr == b""  # no traceback, no "Exception ignored in: <stdout>"
    assert writer.returncode == EXIT_OUTPUT_CLOSED
    assert json.loads((out / "plan.json").read_text())["stack"] == "prod"  # the plan itself was written
