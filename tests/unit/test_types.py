"""The generated typed dicts (``pulumi_cozmox.types``): up to date, loaded only on demand, and
what ``mypy --strict`` makes of the examples and of a program with nested typos."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from cozmox_codegen import typeddicts
from cozmox_codegen.__main__ import TYPES_SOURCE
from pulumi_cozmox._schema import load_schema

REPO = Path(__file__).resolve().parents[2]
TYPES_FILE = REPO / "provider" / "pulumi_cozmox" / "types.py"
EXAMPLES = sorted(REPO.glob("examples/*/__main__.py"))

#: Typos three levels below a customer (customer -> assistantOverrides -> object -> key); the
#: right keys are ``voiceSeconds`` and ``voiceId`` (checked against the schema below).
TYPOS = """\
from pulumi_cozmox import Campaign, Customer

ada: Customer = {
    "number": "+14155550101",
    "assistantOverrides": {"stopSpeakingPlan": {"numWords": 2, "voiceSecond": 0.3}},
}
grace: Customer = {
    "number": "+14155550102",
    "assistantOverrides": {"voice": {"provider": "11labs", "voiceID": "x"}},
}
Campaign(
    "typos",
    name="Typos",
    phone_number_id="pn-typos",
    customers=[
        ada,
        grace,
        {"number": "+14155550103", "assistantOverrides": {"stopSpeakingPlan": {"voiceSecond": 1}}},
    ],
)
"""
FIXED = TYPOS.replace('"voiceSecond"', '"voiceSeconds"').replace('"voiceID"', '"voiceId"')
#: Misspelt arguments: a run says them in one line (pulumi.RunError, tests/unit/test_resource.py);
#: the typed signatures keep them flagged before the run.
ARGUMENT_TYPOS = """\
from pulumi_cozmox import Campaign, CampaignArgs

CampaignArgs(name="T", phone_number_id="pn-1", customers=[], allow_outside_calling_hour=True)
CampaignArgs(name="T", phone_numbr_id="pn-1", customers=[])
Campaign("t", name="T", phone_number_id="pn-1", customers=[], allow_outside_calling_hour=True)
"""


def line_of(text: str, needle: str, occurrence: int = 0) -> int:
    lines = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[occurrence]


def test_generated_types_are_up_to_date():
    schema = load_schema(TYPES_SOURCE)
    expected = typeddicts.generate(schema, source=f"schema/{TYPES_SOURCE}.schema.json")
    assert TYPES_FILE.read_text(encoding="utf-8") == expected, "run make schema"


def test_generated_types_are_the_installed_ones():
    import pulumi_cozmox.types

    assert Path(pulumi_cozmox.types.__file__).read_text(encoding="utf-8") == TYPES_FILE.read_text(
        encoding="utf-8"
    ), "run make setup"


def test_the_typos_are_typos():
    defs = load_schema("CreateCampaignDTO")["$defs"]
    stop, voice = defs["StopSpeakingPlan"]["properties"], defs["ElevenLabsVoice"]["properties"]
    assert "voiceSeconds" in stop and "voiceSecond" not in stop
    assert "voiceId" in voice and "voiceID" not in voice
    assert voice["provider"]["enum"] == ["11labs"]


def test_package_exports_the_common_types():
    import pulumi_cozmox
    import pulumi_cozmox.types as types

    for name in ("Customer", "SchedulePlan", "AssistantOverrides"):
        assert name in pulumi_cozmox.__all__
        assert getattr(pulumi_cozmox, name) is getattr(types, name)
    assert "ElevenLabsVoice" in types.__all__


def test_a_typed_dict_builds_the_plain_dict_the_provider_receives():
    from pulumi_cozmox import Customer

    built = Customer(number="+14155550101", assistantOverrides={"variableValues": {"Key": "v"}})
    assert type(built) is dict
    assert built == {
        "number": "+14155550101",
        "assistantOverrides": {"variableValues": {"Key": "v"}},
    }


def test_the_resource_does_not_load_the_types_at_run_time():
    probe = (
        "import sys; import pulumi_cozmox; from pulumi_cozmox import Campaign, CampaignArgs; "
        "print('pulumi_cozmox.types' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert out.stdout.strip() == "False"


# ---- mypy --strict on the examples and on programs with typos ------------------------------


@dataclass(frozen=True)
class MypyError:
    file: str
    line: int
    message: str


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory) -> list[MypyError]:
    """One ``mypy --strict`` run (the venv's, no config file) over copies of the examples (their
    files are all ``__main__.py``: one run needs distinct names) and the typo programs."""
    work = tmp_path_factory.mktemp("mypy")
    for example in EXAMPLES:
        shutil.copy(example, work / f"example_{example.parent.name}.py")
    (work / "typos.py").write_text(TYPOS, encoding="utf-8")
    (work / "fixed.py").write_text(FIXED, encoding="utf-8")
    (work / "arguments.py").write_text(ARGUMENT_TYPOS, encoding="utf-8")
    # A cache of its own, kept between runs: the Pulumi SDK is analysed once.
    cache = REPO / ".mypy_cache" / "test_types"
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file=", "--cache-dir", str(cache)]
        + sorted(p.name for p in work.glob("*.py")),
        capture_output=True,
        text=True,
        cwd=work,
    )
    pattern = re.compile(r"^(?P<file>[^:]+\.py):(?P<line>\d+): error: (?P<message>.*)$")
    errors = [
        MypyError(m["file"], int(m["line"]), m["message"])
        for m in map(pattern.match, result.stdout.splitlines())
        if m
    ]
    assert result.returncode == (1 if errors else 0), result.stdout + result.stderr
    return errors


def test_mypy_strict_accepts_every_example(mypy_errors):
    assert len(EXAMPLES) >= 3
    assert [e for e in mypy_errors if e.file.startswith("example_")] == []


def test_mypy_strict_accepts_the_program_once_the_typos_are_fixed(mypy_errors):
    assert [e for e in mypy_errors if e.file == "fixed.py"] == []


def test_mypy_names_a_nested_typo_and_its_line(mypy_errors):
    typos = {e.line: e.message for e in mypy_errors if e.file == "typos.py"}
    expected = 'Extra key "voiceSecond" for TypedDict "StopSpeakingPlan"  [typeddict-unknown-key]'
    assert typos[line_of(TYPOS, '"voiceSecond"')] == expected


def test_mypy_flags_a_typo_inside_a_discriminated_union(mypy_errors):
    # mypy picks a union member only for a dict whose keys all belong to it: with "voiceID" no
    # member fits, so it reports the item holding the union ("voice"), not the key.
    typos = {e.line: e.message for e in mypy_errors if e.file == "typos.py"}
    message = typos[line_of(TYPOS, '"voiceID"')]
    assert message.startswith('Incompatible types (expression has type "dict[str, str]", ')
    assert 'TypedDict item "voice" has type "AzureVoice | CartesiaVoice' in message


def test_mypy_flags_a_typo_passed_inline_to_campaign(mypy_errors):
    typos = {e.line: e.message for e in mypy_errors if e.file == "typos.py"}
    assert set(typos) == {
        line_of(TYPOS, '"voiceSecond"'),
        line_of(TYPOS, '"voiceID"'),
        line_of(TYPOS, '"voiceSecond"', occurrence=1),
    }
    # Campaign(customers=...) takes a sequence of Customer: mypy names the key inline too.
    inline = typos[line_of(TYPOS, '"voiceSecond"', occurrence=1)]
    assert 'Extra key "voiceSecond" for TypedDict "StopSpeakingPlan"' in inline


def test_mypy_flags_a_misspelt_argument_of_campaign_args_and_of_campaign(mypy_errors):
    found = [(e.line, e.message) for e in mypy_errors if e.file == "arguments.py"]
    unexpected = 'Unexpected keyword argument "{}" for "{}"; did you mean "{}"?  [call-arg]'
    assert found == [
        (
            3,
            unexpected.format(
                "allow_outside_calling_hour", "CampaignArgs", "allow_outside_calling_hours"
            ),
        ),
        (4, unexpected.format("phone_numbr_id", "CampaignArgs", "phone_number_id")),
        (
            5,
            unexpected.format(
                "allow_outside_calling_hour", "Campaign", "allow_outside_calling_hours"
            ),
        ),
    ]


def test_types_module_names_every_class_it_defines():
    import pulumi_cozmox.types as types

    classes = {
        name
        for name, value in vars(types).items()
        if isinstance(value, type) and issubclass(value, dict) and not name.startswith("_")
    }
    assert types.__all__ == sorted(classes)
    # Each is an object schema of the API, under its API name (but Customer).
    defs = load_schema(TYPES_SOURCE)["$defs"]
    assert {typeddicts.RENAMES.get(n, n) for n in defs if "properties" in defs[n]} >= classes
