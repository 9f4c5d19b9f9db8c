import typer

coach_app = typer.Typer(help="The answer coach.", no_args_is_help=True)
