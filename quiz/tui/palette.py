"""The command palette's lists of choices (themes, how sure to ask) and quiz's high-contrast theme."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.theme import Theme

from quiz.certainty import AskCertainty

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
