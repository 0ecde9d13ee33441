"""The resource tree of plan's summary: each resource under its parent, with the options that matter
to a reviewer; at fleet scale, siblings that differ only by name on one line with their count."""

from __future__ import annotations

from collections import defaultdict

from encrypted_workspaces.offline.recorder import Registration

from .grouping import counted, name_pattern, runs

OPTION_FLAGS = ("protect", "retainOnDelete", "deleteBeforeReplace")


def flags(resource: Registration, *, import_id: bool = True) -> str:
    """``  [protect, create timeout 90m, ...]``; ``import_id=False`` says that it imports, not what,
    so that a fleet adopted with importId shares one line."""
    options = resource.options
    said = [flag for flag in OPTION_FLAGS if options.get(flag)]
    said += [f"{stage} timeout {value}" for stage, value in sorted(options.get("customTimeouts", {}).items())]
    if options.get("ignoreChanges"):
        said.append(f"ignores {len(options['ignoreChanges'])} properties")
    if options.get("dependsOn"):
        said.append(f"after {len(options['dependsOn'])}")
    if options.get("import"):
        said.append(f"import {options['import']}" if import_id else "import <id>")
    return f"  [{', '.join(said)}]" if said else ""


def resource_tree(resources: list[Registration], *, grouped: bool = False) -> list[str]:
    """A line per resource; ``grouped``: more than GROUPED_ABOVE childless siblings of one type with the
    same options as one line, ``aws:workspaces/workspace:Workspace × 4,998 (workspaces-workspace-<user>)``."""
    children: dict[str, list[Registration]] = defaultdict(list)
    for resource in resources:
        children[resource.parent].append(resource)
    lines: list[str] = []

    def same_but_name(resource: Registration) -> tuple[str, str] | None:
        if resource.urn in children:
            return None  # its subtree would be lost in a group
        return resource.type, flags(resource, import_id=False)

    def walk(parent: str, prefix: str) -> None:
        kids = sorted(children.get(parent, []), key=lambda r: (r.name, r.type))
        entries = runs(kids, same_but_name) if grouped else kids
        for index, entry in enumerate(entries):
            last = index == len(entries) - 1
            branch = "" if not parent else ("└─ " if last else "├─ ")
            if isinstance(entry, list):
                first = entry[0]
                pattern = name_pattern((r.name for r in entry), first.type)
                line = f"{first.type} × {counted(len(entry))} ({pattern}){flags(first, import_id=False)}"
                lines.append(f"{prefix}{branch}{line}")
                continue
            lines.append(f"{prefix}{branch}{entry.type}  {entry.name}{flags(entry)}")
            walk(entry.urn, prefix + ("" if not parent else ("   " if last else "│  ")))

    walk("", "")
    return lines
