"""Subcommands of `quiz`: each module defines HELP, add_arguments(parser) and run(args)."""
