"""`quiz decks`: list the decks quiz can find, broken ones with their first problem."""

from __future__ import annotations

import argparse
import json

from quiz.untrusted import say, visible, visible_title

HELP = "list the decks quiz can find (built-in, then your own)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the list as JSON")


def run(args: argparse.Namespace) -> int:
    from quiz.deck.discover import discover
    from quiz.paths import data_dir, user_decks_dir
    from quiz.plural import plural

    root = data_dir(args.data_dir)
    found = discover(root)
    if args.json:
        rows = [
            {
                "id": f.id,
                "title": f.deck.title if f.deck else None,
                "facts": len(f.deck.facts) if f.deck else None,
                "path": str(f.path),
                "builtin": f.builtin,
                "problem": str(f.error.problems[0]) if f.error else None,
            }
            for f in found
        ]
        say(json.dumps({"decks": rows}, indent=2, ensure_ascii=False))
        return 0
    if not found:
        say("no decks found")
    for f in found:
        origin = "built-in" if f.builtin else "yours"
        if f.deck:
            size = plural(len(f.deck.facts), "fact")
            say(f"{f.deck.id}  {visible_title(f.deck.title)}  ({size}, {origin})\n    {visible(str(f.path))}")
        else:
            assert f.error is not None
            message = visible(f.error.problems[0].message)
            say(f"{visible(f.id)}  [cannot be used: {message}]  ({origin})\n    {visible(str(f.path))}")
    say(f"\nYour own decks go in {user_decks_dir(root)}")
    return 0
