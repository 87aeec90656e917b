"""The command palette's lists of choices (themes, how sure to ask) and quiz's high-contrast theme."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.theme import Theme

from quiz.certainty import AskCertainty
from quiz.tui.settle import Settled

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widgets import OptionList

    from quiz.tui.app import QuizApp

HIGH_CONTRAST = Theme(
    name="quiz-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    success="#00FF00",
    warning="#FFFF00",
    error="#FF5555",
    dark=True,
)
"""White on black with yellow keys, for low vision: the one theme quiz adds to Textual's."""


def theme_kind(theme: Theme) -> str:
    """'high contrast', 'dark' or 'light': how the theme list describes a theme."""
    if theme.name == HIGH_CONTRAST.name:
        return "high contrast"
    return "dark" if theme.dark else "light"


def system_commands(app: QuizApp, screen: Screen[object]) -> Iterator[SystemCommand]:
    """The command palette's commands (QuizApp.get_system_commands): quiz's own, where they apply
    on `screen`."""
    if isinstance(screen, Settled) and (study := getattr(screen, "action_study", None)) is not None:
        how = "Choose how to study the selected deck"
        yield SystemCommand("Study this deck", how, partial(screen.when_settled, study))  # as Home comes back
    review = getattr(screen, "action_review", None)
    if review is not None:
        yield SystemCommand("Review what is due", "Spaced repetition: what you are about to forget", review)
    glossary = getattr(screen, "action_glossary", None)
    if glossary is not None:
        yield SystemCommand("Words to know", "What the underlined words on screen mean", glossary)
    yield SystemCommand("History", "Your past sessions, progress and what falls due", app.action_history)
    yield SystemCommand("Keys and help", "Every key of this screen, and the deck's sources", app.action_help)
    yield SystemCommand("Theme", "Colours: light, dark or high contrast (kept for next time)", app.action_themes)
    yield SystemCommand(
        "How sure are you?",
        f"Now asked {app.ask_certainty.label}: must-know facts, every question, or never",
        app.action_certainty,
    )
    yield SystemCommand("Quit", "Leave quiz (every answer is already saved)", app.action_quit)


class ChoiceList(Provider):
    """A command palette list of choices: each subclass says what they are (`choices`)."""

    def choices(self) -> list[tuple[str, Callable[[], None]]]:
        """(label, what choosing it does), in the order shown."""
        raise NotImplementedError

    async def discover(self) -> Hits:
        for label, choose in self.choices():
            yield DiscoveryHit(label, choose)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, choose in self.choices():
            if (score := matcher.match(label)) > 0:
                yield Hit(score, matcher.highlight(label), choose)


class ThemeList(ChoiceList):
    """The theme list: each name with whether it is light, dark or high contrast."""

    def choices(self) -> list[tuple[str, Callable[[], None]]]:
        app = self.app
        out: list[tuple[str, Callable[[], None]]] = []
        for theme in sorted(app.available_themes.values(), key=lambda t: t.name):

            def choose(name: str = theme.name) -> None:
                app.theme = name

            out.append((f"{theme.name} ({theme_kind(theme)})", choose))
        return out


class CertaintyList(ChoiceList):
    """The certainty choices, the one in use marked."""

    def choices(self) -> list[tuple[str, Callable[[], None]]]:
        from quiz.tui.app import QuizApp

        app = self.app
        assert isinstance(app, QuizApp)  # the palette opens only in quiz's app
        out: list[tuple[str, Callable[[], None]]] = []
        for setting in AskCertainty:

            def choose(setting: AskCertainty = setting) -> None:
                app.set_certainty(setting)

            now = " (now)" if setting is app.ask_certainty else ""
            out.append((f"Ask how sure I am {setting.label}{now}", choose))
        return out


def point_commands(commands: OptionList) -> None:
    """Mark the command palette's highlighted command ▶ and indent the others as much
    (quiz.tui.pointed), as every list of choices in quiz is marked: Textual shows it by shading
    alone (reverse video with NO_COLOR). Called as each command is highlighted; the palette builds
    its list again as the search changes, so each prompt is marked from its text without a mark."""
    from quiz.tui.pointed import POINTER, UNPOINTED  # with OptionList: not at every start of the app

    for index in range(commands.option_count):
        option = commands.get_option_at_index(index)
        prompt = option.prompt
        if not isinstance(prompt, Content):  # every hit's prompt is Content (textual.command, 8.2.8)
            continue
        lines = prompt.split("\n")
        if all(line.plain[:2] in (POINTER, UNPOINTED) for line in lines):
            lines = [line[2:] for line in lines]
        mark = POINTER if index == commands.highlighted else UNPOINTED
        pointed = Content("\n").join(Content(mark if i == 0 else UNPOINTED) + line for i, line in enumerate(lines))
        if pointed.plain != prompt.plain:
            commands.replace_option_prompt_at_index(index, pointed)
