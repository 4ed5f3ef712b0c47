"""The version of pulumi-cozmox, kept here and nowhere else.

pyproject.toml reads it (``[tool.setuptools.dynamic]``), and so do the API client's user agent,
the plugin's ``PluginInfo``, the package schema's ``version`` (``make schema``) and
``make release``. This module imports nothing, so every layer may import it.
"""

__version__ = "0.3.0"
