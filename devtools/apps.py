from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Development and benchmark tools (``seed_demo``, ``seed_scale``): the dev extra only."""

    name = "devtools"
    verbose_name = "Developer tools"
