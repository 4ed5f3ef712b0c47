"""The cozmox-calling-rules policy pack: the provider's calling rules for every stack's CI.

Its policies live in the package (pulumi_cozmox.pack), beside the rule code they run; this
file only serves them, with the pack's config files relative to this folder.
"""

from pathlib import Path

from pulumi_cozmox.pack.policies import serve

serve(Path(__file__).resolve().parent)
