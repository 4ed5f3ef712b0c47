"""The calling rules as a Pulumi policy pack: what the pack judges, free of ``pulumi_policy``.

A third adapter over the core (beside the dynamic provider and the native plugin): it reads a
campaign from the properties a policy sees (either door's), and judges it with the provider's
own rules (:mod:`pulumi_cozmox.core.rules`): calling hours and the calling policy, the
do-not-call list, the call limit across the stack and the org. The pack's ``__main__.py``
(``policy/cozmox-calling-rules/``) is the thin layer that speaks ``pulumi_policy``; it runs in
a virtualenv of its own, since ``pulumi-policy`` pins an older protobuf than the provider's.
"""
