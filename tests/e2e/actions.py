"""A local GitHub Actions runner for the shipped workflows: one job at a time, its `run:` blocks
executed as GitHub executes them, each `uses:` step replaced by a local equivalent.

What GitHub gives a step, given here: `bash -e` in `$GITHUB_WORKSPACE`; `GITHUB_OUTPUT`,
`GITHUB_ENV` and `GITHUB_PATH` files read back after each step (step outputs, variables and
PATH entries for the steps after it); `RUNNER_TEMP`, `GITHUB_EVENT_NAME`, `GITHUB_REF`, `CI`,
a HOME of its own; `${{ ... }}` expressions in `env:`, `if:` and `run:` (the operators the
workflows use: `==`, `!=`, `&&`, `||`, `!`, parentheses, and the status functions); a failed
step skips the rest of the job unless their `if:` asks for `always()` or `failure()`.

The workflow is read from its file, so the test breaks when the workflow does.
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: A `uses:` step's local equivalent: called with the job, the step's `with:` values and its
#: environment.
Uses = Callable[["Job", Mapping[str, str], Mapping[str, str]], None]
SYSTEM_PATH = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]


@dataclass
class Step:
    name: str
    outcome: str  # success, failure, skipped
    log: str = ""
    seconds: float = 0.0  # for the log only, never asserted


@dataclass
class Event:
    name: str  # pull_request, push, schedule
    ref: str  # refs/heads/main, refs/pull/1/merge
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass
class Job:
    """One run of one job: its contexts, and what happened."""

    root: Path
    event: Event
    secrets: Mapping[str, str]
    matrix: Mapping[str, str]
    host: Mapping[str, str]  # what the runner machine adds (a pip cache)
    env: dict[str, str] = field(default_factory=dict)  # set through GITHUB_ENV
    path: list[str] = field(default_factory=list)  # added through GITHUB_PATH, newest first
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)
    results: list[Step] = field(default_factory=list)
    posted: list[str] = field(default_factory=list)  # bodies github-script would post
    failed: bool = False

    @property
    def workspace(self) -> Path:
        return self.root / "work"

    @property
    def temp(self) -> Path:
        return self.root / "temp"

    def contexts(self, env: Mapping[str, str]) -> dict[str, Any]:
        return {
            "github": {
                "event_name": self.event.name,
                "ref": self.event.ref,
                "event": self.event.payload,
                "workspace": str(self.workspace),
            },
            "secrets": dict(self.secrets),
            "matrix": dict(self.matrix),
            "runner": {"temp": str(self.temp), "os": "Linux"},
            "steps": self.steps,
            "env": dict(env),
        }

    def log(self) -> str:
        return "\n".join(
            f"--- {s.name} ({s.outcome}, {s.seconds:.1f} s)\n{s.log}" for s in self.results
        )


# -- expressions ------------------------------------------------------------------------------
_TOKEN = re.compile(r"\s*(?:(==|!=|&&|\|\||!|\(|\))|'((?:[^']|'')*)'|([A-Za-z_][\w.\-]*))")


class _Parser:
    """`a == 'b' && (c != 'd' || !e)`, GitHub's way: `||` and `&&` yield an operand, strings
    compare case-insensitively, a missing property is null (the empty string)."""

    def __init__(self, text: str, contexts: Mapping[str, Any], status: Mapping[str, bool]):
        self.tokens: list[tuple[str, str]] = []
        position = 0
        while position < len(text.rstrip()):
            match = _TOKEN.match(text, position)
            if match is None:
                raise ValueError(f"cannot read the expression {text!r} at {position}")
            operator, string, name = match.groups()
            kind = "op" if operator else "str" if string is not None else "name"
            value = operator or (string.replace("''", "'") if string is not None else name)
            self.tokens.append((kind, value))
            position = match.end()
        self.contexts, self.status = contexts, status

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.tokens.pop(0)
        if value is not None and token[1] != value:
            raise ValueError(f"expected {value!r}, found {token[1]!r}")
        return token

    def peek(self) -> str | None:
        return self.tokens[0][1] if self.tokens else None

    def expression(self) -> Any:
        left = self.conjunction()
        while self.peek() == "||":
            self.take()
            right = self.conjunction()
            left = left or right
        return left

    def conjunction(self) -> Any:
        left = self.comparison()
        while self.peek() == "&&":
            self.take()
            right = self.comparison()
            left = left and right
        return left

    def comparison(self) -> Any:
        left = self.unary()
        if self.peek() in ("==", "!="):
            operator = self.take()[1]
            right = self.unary()
            same = str(left or "").lower() == str(right or "").lower()
            return same if operator == "==" else not same
        return left

    def unary(self) -> Any:
        if self.peek() == "!":
            self.take()
            return not self.unary()
        if self.peek() == "(":
            self.take()
            value = self.expression()
            self.take(")")
            return value
        kind, value = self.take()
        if kind == "str":
            return value
        if value in ("true", "false"):
            return value == "true"
        if self.peek() == "(":  # a status function
            self.take()
            self.take(")")
            if value not in self.status:
                raise ValueError(f"the function {value}() is not known to this runner")
            return self.status[value]
        found: Any = self.contexts
        for part in value.split("."):
            found = found.get(part) if isinstance(found, Mapping) else None
        return found


def evaluate(text: str, job: Job, env: Mapping[str, str]) -> Any:
    status = {"success": not job.failed, "failure": job.failed, "always": True, "cancelled": False}
    parser = _Parser(text, job.contexts(env), status)
    value = parser.expression()
    if parser.tokens:
        raise ValueError(f"cannot read the end of the expression {text!r}")
    return value


def substitute(text: str, job: Job, env: Mapping[str, str]) -> str:
    """`${{ ... }}` in ``text`` replaced by their values, as GitHub writes them."""

    def value(match: re.Match[str]) -> str:
        found = evaluate(match.group(1), job, env)
        return (
            "" if found is None else str(found).lower() if isinstance(found, bool) else str(found)
        )

    return re.sub(r"\$\{\{(.*?)\}\}", value, text)


def _condition(step: Mapping[str, Any], job: Job, env: Mapping[str, str]) -> bool:
    condition = str(step.get("if", "")).strip()
    if condition.startswith("${{"):
        condition = condition[3:].rstrip("}").strip()
    uses_status = any(f"{f}()" in condition for f in ("always", "failure", "cancelled"))
    if job.failed and not uses_status:
        return False  # an implicit success() comes first
    return not condition or bool(evaluate(condition, job, env))


# -- running ----------------------------------------------------------------------------------
def _read_file_commands(path: Path) -> dict[str, str]:
    """`NAME=value` lines and `NAME<<DELIMITER` blocks of a GITHUB_OUTPUT or GITHUB_ENV file."""
    found: dict[str, str] = {}
    lines = path.read_text().splitlines() if path.exists() else []
    while lines:
        line = lines.pop(0)
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block: list[str] = []
            while lines and lines[0] != delimiter:
                block.append(lines.pop(0))
            lines.pop(0)
            found[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            found[name] = value
    return found


def _run(step: Mapping[str, Any], job: Job, env: dict[str, str], number: int) -> Step:
    files = {kind: job.root / "files" / f"{number}-{kind}" for kind in ("OUTPUT", "ENV", "PATH")}
    for path in files.values():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("")
    env.update({f"GITHUB_{kind}": str(path) for kind, path in files.items()})
    script = job.root / "files" / f"{number}.sh"
    script.write_text(substitute(str(step["run"]), job, env))
    started = time.monotonic()
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-e", str(script)],
        cwd=job.workspace / str(step.get("working-directory", ".")),
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,  # a hung step (a pip install from git takes minutes on a busy machine)
        check=False,
    )
    if "id" in step:
        job.steps[str(step["id"])] = {
            "outputs": _read_file_commands(files["OUTPUT"]),
            "outcome": "success" if done.returncode == 0 else "failure",
        }
    job.env.update(_read_file_commands(files["ENV"]))
    job.path[:0] = reversed(files["PATH"].read_text().split())
    outcome = "success" if done.returncode == 0 else "failure"
    took = time.monotonic() - started
    return Step(str(step.get("name", step["run"])), outcome, done.stdout + done.stderr, took)


def run_job(workflow: Mapping[str, Any], name: str, job: Job, uses: Mapping[str, Uses]) -> Job:
    """Run the job ``name`` of ``workflow`` in ``job`` (a fresh root each time: a clean
    runner). ``uses``: the local equivalent of each action, by its name without the version."""
    spec = workflow["jobs"][name]
    for folder in (job.workspace, job.temp, job.root / "home"):
        folder.mkdir(parents=True, exist_ok=True)
    if "if" in spec and not evaluate(str(spec["if"]), job, {}):
        raise AssertionError(f"job {name} does not run on {job.event.name} {job.event.ref}")
    for number, step in enumerate(spec["steps"]):
        env = _environment(workflow, spec, step, job)
        if not _condition(step, job, env):
            job.results.append(Step(str(step.get("name", step.get("uses"))), "skipped"))
            continue
        if "uses" in step:
            action = str(step["uses"]).split("@", 1)[0]
            given = {k: substitute(str(v), job, env) for k, v in (step.get("with") or {}).items()}
            uses[action](job, given, env)
            job.results.append(Step(action, "success"))
            continue
        result = _run(step, job, env, number)
        job.results.append(result)
        job.failed = job.failed or result.outcome == "failure"
    return job


def _environment(
    workflow: Mapping[str, Any], spec: Mapping[str, Any], step: Mapping[str, Any], job: Job
) -> dict[str, str]:
    """What a step's process sees: the runner's variables, GITHUB_ENV's, then the workflow's,
    the job's and the step's `env:` (each evaluated)."""
    env: dict[str, str] = {
        **job.host,
        "PATH": ":".join([*job.path, *SYSTEM_PATH]),
        "HOME": str(job.root / "home"),
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": str(job.workspace),
        "GITHUB_EVENT_NAME": job.event.name,
        "GITHUB_REF": job.event.ref,
        "RUNNER_TEMP": str(job.temp),
        "RUNNER_OS": "Linux",
        **job.env,
    }
    for level in (workflow, spec, step):
        for key, value in (level.get("env") or {}).items():
            env[str(key)] = substitute(str(value), job, env)
    return env
