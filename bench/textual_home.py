"""The start-up baseline that draws what Home shows, with Textual alone (no quiz code imported).

Home's visible widgets at 80x24 are: the title line, a hint, a focused DataTable with one row per
deck (one row here: the built-in deck), its row label the cursor's ▶, the detail pane under it and
the keys line. This app
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
    "Stage IV and recurrent rectal cancer: treatment options\n"
    "What the National Cancer Institute's PDQ summary says about treating rectal cancer that has "
    "spread to the liver or lungs, or has come back in the pelvis: surgery, ablation, chemotherapy "
    "into the liver, and radiation.\n"
    "Facts (60): 0 due now · 0 later today · 60 after today · 0 new\n"
    "Words to know (58): 0 due now · 0 later today · 0 after today · 58 new\n"
    "A review asks what is due now and brings in up to 3 new facts.\n"
    "For: Patients and families\n"
    "Content last reviewed: 2026-11-27\n"
    "Mastered: every must-know and should-know fact.\n"
    "When liver spread can be removed: 3 of 3 mastered, must-know: 2 of 2\n"
    "Other treatments for liver spread: 7 of 7 mastered, must-know: 1 of 1\n"
    "Spread to the lungs: 3 of 3 mastered, must-know: 1 of 1\n"
    "Chemo into the liver's artery: what studies found: 27 of 27 mastered, must-know: 1 of 1\n"
    "Cancer that comes back in the pelvis: 12 of 12 mastered, must-know: 1 of 1\n"
    "What studies can and cannot tell you: 8 of 8 mastered, must-know: 2 of 2"
)
"""The text of Home's detail pane at 80x24 on the bench's data (the built-in deck, the bench history,
every fact mastered): 17 rows, as quiz draws them. Until 2026-11-30 this was a 4-line stand-in,
so the baseline drew 10 rows fewer than Home does; since that evening Home counts facts and words
to know on lines of their own, and says what a review asks on a third (a tester's report)."""

ROW = ("Stage IV and recurrent rectal cancer:…", "60", "0", "15/20", "100%")
"""The deck's row as Home shows it on the bench's data."""

KEYS = " ⏎ Study  r Review due  v Visit date  h History  q Quit  ? Keys    ▏ ^p palette"


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
            yield Static(Text(KEYS), id="keys")

        def on_mount(self) -> None:
            table = self.query_one("#decks", DataTable)
            table.add_column(Text("Deck"), key="deck", width=38)
            for name in ("Facts", "Due now", "Last", "Mastered"):
                table.add_column(Text(name), key=name)
            table.add_row(*map(Text, ROW), key="0", label=Text("▶"))  # Home marks the cursor's row so
            table.focus()

    TextualHome.CSS = CSS
    return TextualHome()


def main() -> int:
    app = make_app()
    app.run(headless=True, size=(80, 24), auto_pilot=_exit_when_idle)
    return int(app.return_code or 0)


if __name__ == "__main__":
    sys.exit(main())
