"""Notices (Textual's toasts) that say only what is true now: never the same one twice at once, and
a notice about what is on screen cleared when the screen moves on.

A tester saw "Type your answer, or press F3 to see it" stay over the "How sure are you?" prompt
that came after it, and two "Window too small" notices stacked over each other at 60x15. So a
notice shown again replaces the one still showing (its time starts again), and a notice about
the moment (a hint for the question or step on screen, a window too small for it, an answer
taken back) is `passing`: StudyScreen clears it when the question or its step changes, and every
quiz screen when another screen comes over it (quiz.tui.settle.Settled).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.notifications import Notification, Notify

from quiz.untrusted import visible

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel
    from textual.widget import Widget

    _App = App[int]
else:
    _App = object  # a plain mixin, as quiz.tui.keeping's: each subclass of App costs 1.5 M instructions at start


class Notices(_App):
    """For an App (listed before it in the bases): notices shown once, and passing ones cleared."""

    _passing: dict[str, Notification]
    """The passing notices shown or on their way, by Notification.identity (set in QuizApp.__init__)."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notice the app shows (Widget.notify and Screen.notify come here too): never markup,
        and with anything from a file in it made safe, the message as prose and the title as a name
        (quiz.untrusted.visible): a deck's title, a file name, a deck's problem."""
        shown, named = visible(message, lines=True), visible(title)
        super().notify(shown, title=named, severity=severity, timeout=timeout, markup=False)

    def action_help_quit(self) -> None:
        """Ctrl+C, which many press to leave a program: say how quiz quits, in words. Textual's own
        notice is markup, which `notify` shows as written ("Press [b]ctrl+q[/b] to quit the app")."""
        self.notify("Press ctrl+q to quit quiz. Every answer is already saved.", title="Do you want to quit?")

    def on_notify(self, event: Notify) -> None:
        """Before Textual's own handler shows it (a subclass's handler runs first): take away a
        notice with the same title and words still showing, so the two are never shown at once."""
        new = event.notification
        for shown in list(self._notifications):
            if (shown.title, shown.message) == (new.title, new.message):
                self._unnotify(shown, refresh=False)
                self._passing.pop(shown.identity, None)

    def notify_passing(self, message: str, *, title: str = "", timeout: float = 6) -> None:
        """Show `message` (never markup) until the screen moves on (clear_passing) or `timeout` seconds."""
        notification = Notification(visible(message, lines=True), visible(title), "information", timeout, markup=False)
        self._passing[notification.identity] = notification
        self.post_message(Notify(notification))

    def clear_passing(self) -> None:
        """Take away the passing notices shown: what they said was about what was on screen. One
        still on its way (posted, not yet shown) is kept, and cleared at the next move."""
        if not self._passing:
            return
        shown = {n.identity for n in self._notifications}
        for identity, notification in list(self._passing.items()):
            if identity in shown:
                self._unnotify(notification, refresh=False)
            if identity in shown or notification.has_expired:
                del self._passing[identity]
        self._refresh_notifications()


NOTICE_S = 2.5
"""How long a brief passing note ("Pair taken back.") stays: it floats over the screen, so not over
the next question or feedback for long (a reviewer read an old note as about the new question)."""


def passing(widget: Widget, message: str, *, title: str = "", timeout: float = 6) -> None:
    """Show a passing notice from `widget`'s screen (Notices.notify_passing): about what is on
    screen now, never markup."""
    app = widget.app
    if isinstance(app, Notices):
        app.notify_passing(message, title=title, timeout=timeout)
    else:
        app.notify(message, title=title, timeout=timeout, markup=False)


def moved_on(widget: Widget) -> None:
    """`widget`'s screen moved on (a new question or step, another screen over it): the passing
    notices are cleared (Notices.clear_passing)."""
    app = widget.app
    if isinstance(app, Notices):
        app.clear_passing()
