"""The ``techmatch`` command: run the product, manage data, match and evaluate policy."""

import importlib

import typer

app = typer.Typer(
    name="techmatch",
    help="techmatch: technology-transfer marketplace (research outputs, technology needs, matching, subsidies).",
    no_args_is_help=True,
    add_completion=False,
)

# Each domain adds its own commands; a module that is not there yet is skipped.
_COMMAND_MODULES = (
    "backend.ops.serve_cli",
    "backend.ops.cli",
    "backend.matching.cli",
    "backend.policy.cli",
)


def _register_all() -> None:
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue
            raise
        module.register(app)


_register_all()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
