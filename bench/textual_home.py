"""The start-up baseline that draws what Home shows, with Textual alone (no quiz code imported).

Home's visible widgets at 80x24 are: the title line, a hint, a focused DataTable with one row per
deck (one row here: the built-in deck), the detail pane under it and the keys line. This app
builds the same widgets with the same sizes and text-only cells, styles them with the same rules
(docked title, bordered detail pane) and exits through bench.app_runner's auto-pilot, so that
quiz's start-up can be compared with the least any Textual app drawing that screen must do:
`quiz`'s instructions over this app's are what quiz's own code costs (bench.figures).

`python -m bench.textual_home` runs it once, headless.
"""

from __future__ import annotations

import sys

from bench.app_runner import _exit_when_idle

CSS = """
#title { dock: top; height: 1; background: $panel; content-align: center middle; }
#hint { padding: 0 1; color: $text-muted; }
#decks { height: auto; max-height: 12; margin: 0 1; }
#detail { margin: 1 1 0 1; padding: 0 1; border-left: wide $accent; height: auto; }
#keys { dock: bottom; height: 1; background: $panel; }
"""

DETAIL = (
    "Stage IV rectal cancer: what it means and how it is treated\n"
    "What the spread to the liver and lungs means, the treatments, and questions for your team.\n"
    "Due now: 0 · new: 10 waiting\n"
    "For: patients and the people who care for them"
)


def make_app():  # type: ignore[no-untyped-def]
    """The Textual-only Home: title, hint, a focused one-row DataTable, detail pane, keys line."""
    from rich.text import Text
    from textual.app import App, ComposeResult
    from textual.containers import Vertical
    from textual.widgets import DataTable, Static

    class TextualHome(App[int]):
        def compose(self) -> ComposeResult:
            yield Static(Text("quiz — learn about your treatment"), id="title")
            with Vertical():
                yield Static(Text("Choose a deck and press Enter to study."), id="hint")
                yield DataTable(id="decks", cursor_type="row", zebra_stripes=False)
                yield Static(Text(DETAIL), id="detail")
            yield Static(Text(" enter Study  r Review due  v Visit date  h History  q Quit  ? Keys"), id="keys")

        def on_mount(self) -> None:
            table = self.query_one("#decks", DataTable)
            table.add_column(Text("Deck"), key="deck", width=38)
            for name in ("Facts", "Due now", "Last", "Mastered"):
                table.add_column(Text(name), key=name)
            table.add_row(*map(Text, ("Stage IV rectal cancer", "120", "0", "-", "0%")), key="0")
            table.focus()

    TextualHome.CSS = CSS
    return TextualHome()


def main() -> int:
    app = make_app()
    app.run(headless=True, size=(80, 24), auto_pilot=_exit_when_idle)
    return int(app.return_code or 0)


if __name__ == "__main__":
    sys.exit(main())
