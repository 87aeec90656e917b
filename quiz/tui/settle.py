"""One key press does one thing: a screen ignores keys for a moment after it appears, and closes once.

A person who presses a key twice (a shaky hand, a habit, a key held down, a paste or a slow link
that delivers two keys at once) must not have the second press act on whatever the first one
brought up: answer the question that just appeared, skip the disclaimer or the summary, or end a
session after closing a list. So every quiz screen drops the keys that arrive within
`Settings.settle` seconds (SETTLE_S by default) of it appearing, or of `settle()` marking that
something new is on it (the study screen calls it for each new question or step), and a screen
that is closing ignores a second close instead of failing. A text box does the same for the
typing that reaches it: quiz.tui.settled_input.SettledInput (apart, as Home has none).

A key held down goes on past that moment: the terminal sends it again every 30-100 ms, after a
first wait of 250-600 ms, and never says when it is let go. Held `u` took back every answer of a
session, one a repeat; held `3` chose option 3 and then "Sure" (a tester's report). So a press that
repeats a key held since before something new appeared (HeldKeys) is dropped too, for as long as
the key is held: each new step needs a press of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual._time import get_time  # the clock Textual stamps every event with
from textual.await_complete import AwaitComplete

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

    _Mixin = Screen[Any]
else:
    _Mixin = object  # a plain mixin: as a Screen subclass it would change the screens' default CSS

SETTLE_S = 0.3
"""How long keys are ignored after something new appears: shorter than anyone takes to read a
question or a dialog, longer than the gap between two presses of a double press (30-250 ms)."""
CHANGED_SETTLE_S = 1.5
"""How long keys are ignored after the question being answered changed under the learner (its deck
was edited on disk): long enough to see that it changed before a key meant for it acts."""
REPEAT_GAP_S = 0.2
"""The longest gap between two presses of one key that are a key held down: a terminal repeats a
held key every 30-100 ms (X11's and macOS's default rates are 25-30 a second, the slowest common
settings about 10); a person pressing a key twice on purpose takes longer to let go and press again."""


class HeldKeys:
    """Runs of one key held down, as the app receives its keys: for each key event, when the run it
    belongs to began (Textual's clock). A press of the same key within REPEAT_GAP_S of the one
    before it continues that run; any other press begins one."""

    def __init__(self) -> None:
        self._key = ""
        self._last = self._began = 0.0
        self._seen: events.Key | None = None

    def began(self, event: events.Key) -> float:
        """When the run of `event` began; asked again of the same event, the same answer."""
        if event is not self._seen:
            self._seen = event
            if event.key != self._key or event.time - self._last > REPEAT_GAP_S:
                self._key, self._began = event.key, event.time
            self._last = event.time
        return self._began

    def held_since(self, moment: float) -> bool:
        """Whether the last key seen is being held since before `moment`, and was pressed (or
        repeated) within REPEAT_GAP_S of now: a binding that no key event reaches first asks this
        (Settled.settled)."""
        return self._seen is not None and self._began < moment and get_time() - self._last <= REPEAT_GAP_S


ACTED_GAP_S = 0.5
"""How soon after a digit that answered a key no binding takes is taken for more of a figure typed
("2%", "2 in 100"): the gap between two keys of one word, shorter than a person takes to read the
feedback the digit brought up and press on."""
TYPING_GAP_S = 1.0
"""How long after a letter typed as a word (TypedWords) keys are still taken as more of it: longer
than the gaps between the letters of a word typed slowly, short enough that a number key pressed
on purpose after a pause acts."""


class TypedWords:
    """A word typed on a question answered by keys: a learner who takes a question with options for
    one with an answer box types on it, and its letters are keys ("lungs" took back the last answer
    with its "u", "2 in 100" and "2%" chose option 2: testers' reports). A letter that no binding
    of the screen takes begins a word, and so does any other key no binding takes (a space, "%")
    right after a digit that acted (within ACTED_GAP_S): it, and every printable key after it until
    TYPING_GAP_S pass without one, is dropped, and `taken_back` names the digit, whose answer the
    screen takes back. A letter that acts ("u" undoes, "g" opens the words) waits ACTED_GAP_S
    (`wait_then`) before it acts: a word that begins with it ("unsure" took back the last answer)
    is dropped whole, and it never acts. A digit after a digit (a double press), or a stray digit
    or space that does nothing (the space that shows a card's back comes next), is no word."""

    def __init__(self) -> None:
        self._until = 0.0
        self._acted = (float("-inf"), "")
        self._waiting: tuple[Timer, Callable[[], object]] | None = None
        self.taken_back = ""
        """The digit whose act the word that began with the last key dropped follows ("" if none)."""

    def wait_then(self, owner: Screen[Any], act: Callable[[], object]) -> None:
        """Do `act`, a letter key's, once ACTED_GAP_S pass with no more of a word; a key that is no
        word's (`flush`: the same letter again, held or pressed twice, is one) has it done first."""
        self.flush()
        self._waiting = (owner.set_timer(ACTED_GAP_S, self.flush), act)

    def flush(self) -> bool:
        """Do the letter key's act that waits (wait_then) now, if one does; whether one did."""
        waiting, self._waiting = self._waiting, None
        if waiting is None:
            return False
        waiting[0].stop()
        waiting[1]()
        return True

    def drops(self, event: events.Key, bound: bool) -> bool:
        """Whether `event`, on a question answered by keys or the feedback just after, is part of a
        word typed there; `bound`: whether a binding of the screen takes its key. Asked once for
        each key."""
        self.taken_back = ""
        key = event.character or ""
        if not event.is_printable:
            return False
        if event.time < self._until:
            self._until = event.time + TYPING_GAP_S
            return True
        if bound and not (key.isalpha() and self._waiting is not None and key != self._acted[1]):  # "ug": a word
            self._acted = (event.time, key)
            return False
        after = self._acted[1].isdigit() and not key.isdigit() and event.time - self._acted[0] < ACTED_GAP_S
        if key.isalpha() or after:
            self._until = event.time + TYPING_GAP_S
            self.taken_back = self._acted[1] if after else ""
            if self._waiting is not None:  # the letter that waited began this word: it never acts
                self._waiting[0].stop()
                self._waiting = None
            return True
        return False


def held_keys(app: object) -> HeldKeys:
    """The app's HeldKeys (one for the app: a key held on one screen goes on onto the next)."""
    held = getattr(app, "_held_keys", None)
    if held is None:
        held = HeldKeys()
        app._held_keys = held  # type: ignore[attr-defined]
    return held


class Settled(_Mixin):
    """For a Screen (listed before it in the bases): drops keys pressed before the screen settled,
    and closes only once."""

    _settles_at: float = 0.0
    _shown_at: float = 0.0
    _holds: bool = True
    _shown: bool = False  # until it is first settled, a key that reaches it was meant for the screen before
    _pending: float | None = None  # a longer wait asked for while another screen was over this one
    _dismissing: bool = False

    def settle(self, seconds: float | None = None) -> None:
        """Mark that something new is on the screen: keys from now until it settles (in `seconds`,
        or the settings' SETTLE_S) are dropped, and a key held since before now while it is held."""
        settings = getattr(self.app, "settings", None)
        self._shown_at = get_time()
        pause = getattr(settings, "settle", SETTLE_S) if seconds is None else seconds
        self._settles_at = max(self._settles_at, self._shown_at + pause)  # a longer wait asked for stands
        self._holds = pause > 0  # a setting of 0 (tests of fast keys) lets every key through
        self._shown = True
        if seconds is not None and self.app.screen is not self:  # under a dialog (is_current holds there)
            self._pending = seconds  # waited again when this screen is shown: the change was not seen

    def on_screen_resume(self) -> None:
        self._dismissing = False
        pending, self._pending = self._pending, None
        self.settle(pending)

    def on_screen_suspend(self) -> None:
        """Another screen comes over this one: its passing notices no longer apply (quiz.tui.notices)."""
        from quiz.tui.notices import moved_on

        moved_on(self)

    @property
    def settled(self) -> bool:
        """Whether the screen has settled: for actions no on_key sees first (a priority binding's, or
        one a widget's message brings, as the deck table's Enter brings Home's study)."""
        held = self._holds and held_keys(self.app).held_since(self._shown_at)
        return self._shown and get_time() >= self._settles_at and not held

    def when_settled(self, callback: Callable[[], object]) -> None:
        """Call `callback` once the screen has settled: for a command chosen in a menu that closes
        onto this screen (the command palette), which the screen would otherwise drop as it comes
        back, as it drops a key."""
        self.set_timer(max(self._settles_at - get_time(), 0.001), callback)

    def is_stale(self, event: events.Key) -> bool:
        """Whether a key was pressed before the screen settled, or repeats a key held since before
        something new appeared: it was meant for what was there.

        The app asks this as each key reaches it to be matched to a binding (QuizApp.on_key),
        after the key before it has done its work: two keys delivered together are each judged
        against what the one before them brought up.
        """
        began = held_keys(self.app).began(event)  # every key, to follow each run whole
        return not self._shown or event.time < self._settles_at or (self._holds and began < self._shown_at)

    def dismiss(self, result: object = None) -> AwaitComplete:
        """Close the screen with `result`; a second close while it is closing is ignored."""
        if self._dismissing or not self.is_current:
            return AwaitComplete()
        self._dismissing = True
        return super().dismiss(result)
