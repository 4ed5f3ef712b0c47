"""The shipped workflows on a clean runner, as a team runs them (issue 24).

A team exports its org (`pulumi-cozmox export`, Python and YAML), commits the project as
docs/team-workflow.md says (customers encrypted with SOPS by the `.sops.yaml` creation rule,
the stack's config, the two workflows) and opens a pull request. Then the jobs of
`examples/github-actions/cozmox.yml` and `drift.yml` run as GitHub runs them
(:mod:`tests.e2e.actions`, their `run:` blocks read from the committed workflow files): the
pull-request preview and its comment, `up` on main, two nights of drift checking (a quiet one,
then one after a dashboard edit). Each job starts from a fresh `git clone`, a fresh HOME, a
fresh venv that installs the package as the workflow does (`pulumi-cozmox @ git+file://...@v0.2.0`
from a tagged clone of this working tree), the API key from the environment and the SOPS key
from a file.

What must hold: no customer's number in any git object, in the state (outside the values
Pulumi keeps encrypted as secrets, which must hold them), in any job's output or comment; the
API key in none of them; the jobs pass, and the drift night with an edit fails.

Cost: the venv of the first job is built by the workflow's own install step; later jobs find
it where it was built (the runner folder has one path, and the venv is restored after the
checkout, as actions/cache would), so its `pip install` has nothing to do.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from pulumi_cozmox import __version__
from pulumi_cozmox.core.model.customers import decode_customers, is_blob
from pulumi_cozmox.native.values import SECRET_SIG, SECRET_SIG_KEY
from tests.conftest import Emulator
from tests.e2e.actions import Event, Job, run_job
from tests.e2e.pulumi_cli import REPO, TOOLS_BIN, VENV_BIN
from tests.sopskit import AgeKey, new_age_key, sops, sops_env

WORKFLOWS = REPO / "examples" / "github-actions"
PROGRAM_DIR = "campaigns"
STACK = "prod"
PASSPHRASE = "team-passphrase"
#: Seeded customers' numbers (their last seven digits, as any rendering would show them).
NUMBERS = ["+14155550147", "+14155550148", "+14155550149", "+12125550163", "+12125550164"]
SEVEN = [n[-7:] for n in NUMBERS]
GIT_USER = ["-c", "user.name=Team", "-c", "user.email=team@example.com"]
#: When a command is taken for hung (a bound, not a timing: a busy machine's pip install of the
#: package from git takes minutes).
HANG = 1800


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", *GIT_USER, *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> str:
    """This working tree as a git repository tagged v<version>: the reference a team pins."""
    source = tmp_path_factory.mktemp("release") / "pulumi-cozmox"
    listed = git("ls-files", "-co", "--exclude-standard", "-z", cwd=REPO).split("\0")
    for name in filter(None, listed):
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    git("init", "-q", "-b", "main", cwd=source)
    git("add", "-A", cwd=source)
    git("commit", "-qm", f"pulumi-cozmox {__version__}", cwd=source)
    git("tag", f"v{__version__}", cwd=source)
    # file://localhost/...: pip 23 (what `python -m venv` bundles here) refuses file:///...
    return f"pulumi-cozmox @ git+file://localhost{source}@v{__version__}"


@pytest.fixture(scope="session")
def runner_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where every job runs (one path, so the venv built by the first job works in the next)."""
    return tmp_path_factory.mktemp("runner")


@dataclass
class Team:
    """A team's repository (a bare origin and a maintainer's working copy) and what its jobs
    printed."""

    root: Path
    emulator: Emulator
    key: AgeKey
    runner: Path
    outputs: list[str] = field(default_factory=list)

    @property
    def origin(self) -> Path:
        return self.root / "origin.git"

    @property
    def laptop(self) -> Path:
        return self.root / "laptop"

    def laptop_env(self) -> dict[str, str]:
        """The maintainer's shell: this repository's install of pulumi-cozmox and the CLI."""
        env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
        env.update(
            PATH=os.pathsep.join([str(TOOLS_BIN), str(VENV_BIN), env.get("PATH", "")]),
            PULUMI_BACKEND_URL=f"file://{self.root / 'state'}",
            PULUMI_CONFIG_PASSPHRASE=PASSPHRASE,
            PULUMI_HOME=str(self.root / "pulumi-home"),
            PULUMI_SKIP_UPDATE_CHECK="true",
            COZMOX_API_KEY=self.emulator.api_key,
            COZMOX_BASE_URL=self.emulator.base_url,
        )
        return env

    def sh(self, *argv: str, cwd: Path | None = None, record: bool = True) -> str:
        """Run a command in the maintainer's shell; ``record``: count its output as printed
        (a revealed state is the test's reading, not output)."""
        done = subprocess.run(
            list(argv),
            cwd=cwd or self.laptop,
            env=self.laptop_env(),
            capture_output=True,
            text=True,
            timeout=HANG,
            check=False,
        )
        if record:
            self.outputs.append(done.stdout + done.stderr)
        assert done.returncode == 0, f"{argv}: {done.stdout}{done.stderr}"
        return done.stdout


def seed(emulator: Emulator) -> dict[str, str]:
    """Two campaigns made in the dashboard: resource name by id."""
    base = {"phoneNumberId": "pn-team-1", "assistantId": "asst-team-1"}
    made: dict[str, str] = {}
    with emulator.api() as api:
        for name, when, numbers in (
            ("Spring check-ups", "2099-04-01T17:00:00Z", NUMBERS[:3]),
            ("Renewals", "2099-05-01T17:00:00Z", NUMBERS[3:]),
        ):
            customers: list[dict[str, Any]] = [
                {"number": n, "name": f"Person {i}", "email": f"person{i}@example.com"}
                for i, n in enumerate(numbers)
            ]
            customers[0]["assistantOverrides"] = {"variableValues": {"plan": "gold"}}
            body = {
                **base,
                "name": name,
                "schedulePlan": {"earliestAt": when},
                "customers": customers,
            }
            answer = api.post("/campaign", json=body)
            answer.raise_for_status()
            made[answer.json()["id"]] = name
    return made


def workflow_text(name: str) -> str:
    """A shipped workflow as a team commits it: its stack and the DIY backend's secrets set
    (the lines the workflow's header says to set)."""
    text = (WORKFLOWS / name).read_text()
    backend = (
        "  COZMOX_API_KEY: ${{ secrets.COZMOX_API_KEY }}\n"
        "  PULUMI_BACKEND_URL: ${{ secrets.PULUMI_BACKEND_URL }}\n"
        "  PULUMI_CONFIG_PASSPHRASE: ${{ secrets.PULUMI_CONFIG_PASSPHRASE }}\n"
    )
    for old, new in (
        ("  COZMOX_API_KEY: ${{ secrets.COZMOX_API_KEY }}\n", backend),
        ("PULUMI_STACK: my-org/reminders/prod", f"PULUMI_STACK: {STACK}"),
        ("stack: [my-org/reminders/prod, my-org/reminders/staging]", f"stack: [{STACK}]"),
    ):
        if old in text:
            text = text.replace(old, new)
    assert f"PROGRAM_DIR: {PROGRAM_DIR}" in text
    return text


def make_team(root: Path, emulator: Emulator, fmt: str, release: str, runner: Path) -> Team:
    """The repository once the maintainer's first pull request is pushed, as
    docs/team-workflow.md has it."""
    team = Team(root, emulator, new_age_key(root / "keys", "team"), runner)
    (root / "state").mkdir()
    git("init", "-q", "--bare", "-b", "main", str(team.origin), cwd=root)
    git("clone", "-q", str(team.origin), str(team.laptop), cwd=root)
    rule = f"  - path_regex: ^{PROGRAM_DIR}/customers/\n    age: {team.key.recipient}\n"
    (team.laptop / ".sops.yaml").write_text(f"creation_rules:\n{rule}")
    (team.laptop / ".github" / "workflows").mkdir(parents=True)
    for name, target in (("cozmox.yml", "cozmox.yml"), ("drift.yml", "cozmox-drift.yml")):
        (team.laptop / ".github" / "workflows" / target).write_text(workflow_text(name))
    git("add", "-A", cwd=team.laptop)
    git("commit", "-qm", "Review Cozmox changes in pull requests", cwd=team.laptop)
    git("push", "-q", "origin", "main", cwd=team.laptop)
    git("checkout", "-q", "-b", "export-campaigns", cwd=team.laptop)
    said = team.sh(
        "pulumi-cozmox", "export", "--format", fmt, "--out", PROGRAM_DIR, "--requirement", release
    )
    assert "2 customers files encrypted with SOPS" in said, said
    project = team.laptop / PROGRAM_DIR
    team.sh("pulumi", "stack", "init", STACK, "--non-interactive", cwd=project)
    team.sh("pulumi", "config", "set", "cozmox:baseUrl", emulator.base_url, cwd=project)
    git("add", "-A", cwd=team.laptop)
    git("commit", "-qm", "Take the org's campaigns over", cwd=team.laptop)
    git("push", "-q", "origin", "export-campaigns", cwd=team.laptop)
    return team


def run(team: Team, workflow: str, job_name: str, event: Event, **matrix: str) -> Job:
    """One job on a clean runner, from the workflow file of the ref it runs on."""
    branch = event.payload.get("pull_request", {}).get("head", {}).get("ref", "main")
    saved = team.runner.parent / f"{team.runner.name}-venv"
    shutil.rmtree(team.runner, ignore_errors=True)
    job = Job(
        root=team.runner,
        event=event,
        secrets={
            "COZMOX_API_KEY": team.emulator.api_key,
            "SOPS_AGE_KEY": team.key.file.read_text().strip(),
            "PULUMI_BACKEND_URL": f"file://{team.root / 'state'}",
            "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
            "PULUMI_ACCESS_TOKEN": "",
        },
        matrix=matrix,
        host={"PIP_CACHE_DIR": pip_cache(), "PULUMI_SKIP_UPDATE_CHECK": "true"},
    )
    venv = job.workspace / PROGRAM_DIR / "venv"

    def checkout(job: Job, given: Mapping[str, str], env: Mapping[str, str]) -> None:
        git("clone", "-q", "--branch", branch, str(team.origin), str(job.workspace), cwd=team.root)
        if saved.exists():  # the runner's cache of the venv (see the module's docstring)
            saved.rename(venv)

    def setup_python(job: Job, given: Mapping[str, str], env: Mapping[str, str]) -> None:
        python = job.root / "toolcache" / "python"
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(python)], check=True)
        job.path.insert(0, str(python / "bin"))

    def pulumi(job: Job, given: Mapping[str, str], env: Mapping[str, str]) -> None:
        job.path.append(str(TOOLS_BIN))

    def github_script(job: Job, given: Mapping[str, str], env: Mapping[str, str]) -> None:
        files = [
            value
            for key, value in env.items()
            if key.endswith("_FILE") and key != "SOPS_AGE_KEY_FILE"
        ]
        job.posted += [Path(f).read_text() for f in files]

    checked_out = git("show", f"origin/{branch}:.github/workflows/{workflow}", cwd=team.laptop)
    uses = {
        "actions/checkout": checkout,
        "actions/setup-python": setup_python,
        "pulumi/actions": pulumi,
        "actions/github-script": github_script,
    }
    run_job(yaml.safe_load(checked_out), job_name, job, uses)
    if venv.exists():
        venv.rename(saved)
    team.outputs += [job.log(), *job.posted]
    timed = ", ".join(f"{s.name[:24]} {s.seconds:.1f} s" for s in job.results if s.seconds)
    print(f"{workflow} {job_name}: {timed}")  # what each step cost (pytest -s shows it)
    return job


_PIP_CACHE: list[str] = []


def pip_cache() -> str:
    """This machine's pip cache: a runner's, as setup-python's `cache: pip` restores it."""
    if not _PIP_CACHE:
        done = subprocess.run(
            [str(VENV_BIN / "pip"), "cache", "dir"], capture_output=True, text=True, check=True
        )
        _PIP_CACHE.append(done.stdout.strip())
    return _PIP_CACHE[0]


def outcome(job: Job, step: str) -> str:
    return next(s.outcome for s in job.results if s.name.startswith(step))


def journal(emulator: Emulator) -> list[str]:
    return [e["method"] for e in emulator.control.get("requests").json()]


def numbers_in(text: str | bytes) -> list[str]:
    data = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return [n for n in SEVEN if n in data]


def split_secrets(value: Any, secrets: list[Any]) -> Any:
    """``value`` (a revealed state) without the values Pulumi keeps encrypted, which go to
    ``secrets``; blobs left outside secrets are decoded (a compressed number still counts)."""
    if isinstance(value, dict):
        if value.get(SECRET_SIG_KEY) == SECRET_SIG:
            secrets.append(value.get("plaintext"))
            return None
        return {k: split_secrets(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [split_secrets(v, secrets) for v in value]
    if isinstance(value, str) and is_blob(value):
        return decode_customers(value)
    return value


def revealed_numbers(secrets: list[Any]) -> set[str]:
    """The numbers inside the state's secret values (decoded where they are a blob)."""
    found: set[str] = set()
    for plaintext in secrets:
        decoded = json.loads(plaintext) if isinstance(plaintext, str) else plaintext
        if isinstance(decoded, str) and is_blob(decoded):
            decoded = decode_customers(decoded)
        found.update(numbers_in(json.dumps(decoded)))
    return found


def assert_nothing_personal_leaked(team: Team, tmp_path: Path) -> None:
    """No customer's number in any git object of the origin, in the state outside the values
    Pulumi keeps encrypted (which must hold them), or in anything printed or posted; the API
    key in none of them."""
    objects = subprocess.run(
        ["git", "cat-file", "--batch-all-objects", "--batch"],
        cwd=team.origin,
        capture_output=True,
        check=True,
    ).stdout
    assert numbers_in(objects) == []
    customers_file = next((team.laptop / PROGRAM_DIR / "customers").iterdir())
    plain = sops("decrypt", str(customers_file), env=sops_env(tmp_path / "home", team.key))
    assert numbers_in(plain)  # the committed files do hold them, encrypted
    project = team.laptop / PROGRAM_DIR
    for show in ([], ["--show-secrets"]):
        exported = team.sh("pulumi", "stack", "export", *show, cwd=project, record=False)
        state = json.loads(exported)
        secrets: list[Any] = []
        outside = json.dumps(split_secrets(state, secrets))
        assert numbers_in(outside) == [] and team.emulator.api_key not in outside
        if show:
            assert revealed_numbers(secrets) == set(SEVEN)  # in state, as secrets only
    said = "\n".join(team.outputs)
    assert numbers_in(said) == [] and team.emulator.api_key not in said


def pull_request_previewed(team: Team, made: dict[str, str]) -> None:
    """The pull request: a preview on a clean runner, and its one comment."""
    pull = Event(
        "pull_request",
        "refs/pull/1/merge",
        {
            "pull_request": {
                "number": 1,
                "head": {"ref": "export-campaigns"},
                "base": {"ref": "main"},
            }
        },
    )
    preview = run(team, "cozmox.yml", "preview", pull)
    assert not preview.failed, preview.log()
    assert outcome(preview, "Fail when") == "skipped"
    assert [s for s in preview.steps.values()] == [
        {"outputs": {"exit": "0"}, "outcome": "success"}
    ] * 2, preview.log()
    (comment,) = preview.posted
    assert comment.startswith("<!-- cozmox-review -->")
    # Taking them over stops nothing: both still call their customers (3 + 2, none yet).
    assert "**Cozmox: 2 campaigns (2 adopted); calls 5 people, 0 of them again.**" in comment, (
        comment
    )
    # The workflow gives the review its base: the rules compared with main's (none added).
    assert "The rules are those of <code>origin/main</code>" in comment, comment
    assert all(name.lower().replace(" ", "-") in comment for name in made.values())


def merged_and_applied(team: Team, emulator: Emulator) -> None:
    """Merged: `up` on main takes both campaigns over, reading only."""
    git("checkout", "-q", "main", cwd=team.laptop)
    git("merge", "-q", "--no-ff", "export-campaigns", "-m", "Merge #1", cwd=team.laptop)
    git("push", "-q", "origin", "main", cwd=team.laptop)
    emulator.control.delete("requests").raise_for_status()
    up = run(team, "cozmox.yml", "up", Event("push", "refs/heads/main"))
    assert not up.failed, up.log()
    assert set(journal(emulator)) == {"GET"}  # adopted: no POST, no PATCH


def drift_nights(team: Team, emulator: Emulator, made: dict[str, str]) -> None:
    """A quiet night (nothing edited since `up`: no drift), then a night after a dashboard
    edit: the job fails and the issue names the edited campaign, and only it (the other's
    encrypted customers are no drift)."""
    night = Event("schedule", "refs/heads/main")
    quiet = run(team, "cozmox-drift.yml", "drift", night, stack=STACK)
    assert not quiet.failed and outcome(quiet, "Fail on drift") == "skipped", quiet.log()
    assert quiet.steps["review"]["outputs"]["exit"] == "0"
    (report,) = quiet.posted
    assert "**Cozmox drift: none.**" in report, report

    edited = next(iter(made))
    with emulator.api() as api:
        api.patch(
            f"/campaign/{edited}", json={"name": "Edited in the dashboard"}
        ).raise_for_status()
    drifted = run(team, "cozmox-drift.yml", "drift", night, stack=STACK)
    assert drifted.failed and outcome(drifted, "Fail on drift") == "failure", drifted.log()
    assert drifted.steps["review"]["outputs"]["exit"] == "1"
    (issue,) = drifted.posted
    assert issue.startswith("<!-- cozmox-drift -->")
    assert "**Cozmox drift: 1 campaign differs from the program.**" in issue, issue
    assert "<b>spring-check-ups</b>: update (name)" in issue and "renewals" not in issue


@pytest.mark.parametrize("fmt", ["python", "yaml"])
def test_a_team_previews_applies_and_checks_drift_on_a_clean_runner(
    fmt: str, tmp_path: Path, emulator: Emulator, release: str, runner_folder: Path
) -> None:
    made = seed(emulator)
    team = make_team(tmp_path, emulator, fmt, release, runner_folder / "runner")
    committed = (team.laptop / PROGRAM_DIR / "requirements.txt").read_text()
    assert f"pulumi-cozmox[sops] @ {release.split(' @ ', 1)[1]}" in committed
    assert "customers/" not in (team.laptop / PROGRAM_DIR / ".gitignore").read_text()

    pull_request_previewed(team, made)
    merged_and_applied(team, emulator)
    drift_nights(team, emulator, made)

    # No number in git, state (outside secrets), output or comment; the API key in none.
    assert_nothing_personal_leaked(team, tmp_path)

    # The package as the workflow installed it exports its own pinned reference by default.
    runner_venv = team.runner.parent / f"{team.runner.name}-venv"
    cli = [str(runner_venv / "bin" / "python"), "-m", "pulumi_cozmox.apps.cli", "export"]
    team.sh(*cli, "--format", "yaml", "--out", str(tmp_path / "again"), cwd=tmp_path)
    assert (tmp_path / "again" / "requirements.txt").read_text().splitlines()[-1] == release
