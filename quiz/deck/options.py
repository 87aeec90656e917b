"""A fact's wrong options: its own distractors first, then the other answers of its group.

One rule for the loader (which refuses a distractor that repeats the answer or another
distractor), question generation (which draws from them) and the authoring advice (which judges
them), so what `quiz check` says about a fact's options is what a learner is shown.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import NamedTuple, cast

from quiz.deck.model import Deck, Fact
from quiz.deck.text import as_seen, holds_latin, look_alikes, may_hold_case_units, normalize

WRONG_OPTIONS = 3
"""Wrong options shown with a multiple-choice question (four options in all)."""
MIN_WRONG_OPTIONS = 2
"""A fact with fewer possible wrong options than this is served as a flashcard only."""

SAME_AS_ANSWER, REPEATED = "same as the answer", "repeated"


def option_key(text: str, language: str | None = None) -> str:
    """How two options are told apart: folded as quiz.deck.text.normalize folds them, but for a
    unit whose case is its meaning (quiz.typed.folding.case_units), kept after a NUL, which no deck
    text holds: "1 T" (a tablespoon) and "1 t" (a teaspoon), or "400 MBq" and "400 mBq", are two
    options, as typed marking tells them apart; "5 MG" and "5 mg" are one. `language`: the deck's,
    which decides whether a letter of a living alphabet is its own letter (quiz.deck.text.look_alikes)."""
    if not may_hold_case_units(text):  # before quiz.typed is imported: an import statement in every
        return normalize(text, None, language)  # call cost 1% of `quiz check` on 10,000 facts
    from quiz.typed import case_units

    folded = normalize(text, None, language)
    units = case_units(text)
    return folded + "\x00" + " ".join(units) if units else folded


def drawn_alike(text: str, key: str, language: str | None = None) -> str:
    """`key` (option_key of `text`) with the letters and digits most screen fonts draw alike
    (Unicode's confusables, UTS #39) written as one, as they were before case was folded: a capital
    I and the digit 1 as a small l, the digit 0 as a capital O. "Ibuprofen" and "lbuprofen", "O2"
    and "02", look the same on screen; a small i, with its dot, does not ("Fail" and "Fall").
    `language`: as for option_key."""
    if "I" not in text and "1" not in text and "0" not in text and (text.isascii() or not _drawn_like().search(text)):
        return key  # most texts: no second folding
    seen = as_seen(text, None, language)  # look-alikes as what they look like: "Ɩ" (a Latin iota) is "I"
    # Read as a text of Latin letters only if `text` is one: "1 Т" (a Cyrillic Т) is not "l T".
    drawn = normalize(seen.replace("I", "l").replace("1", "l").replace("0", "O"), holds_latin(text), language)
    _, nul, units = key.partition("\x00")  # the units whose case is their meaning, as read before
    return drawn + nul + units


@cache
def _drawn_like() -> re.Pattern[str]:
    """A look-alike (quiz.deck.text.look_alikes) read as a text holding I, 1 or 0, which
    drawn_alike draws as another: "Ɩ" (a Latin iota) is an I."""
    every, _ = look_alikes()
    return re.compile("[" + "".join(re.escape(chr(c)) for c, seen in every.items() if set(seen) & set("I10")) + "]")


def on_screen(text: str, language: str | None = None) -> str:
    """How a text looks on screen, as two options or two glossary terms are told apart: its folded
    text (option_key) with the letters drawn alike as one (drawn_alike), in a deck in `language`."""
    return drawn_alike(text, option_key(text, language), language)


def clashes(answer: str, texts: Iterable[str], language: str | None = None) -> Iterator[tuple[str, str, str | None]]:
    """Each text with its folded form (option_key) and what it clashes with: SAME_AS_ANSWER,
    REPEATED (an earlier text folds the same, or looks the same: drawn_alike) or None, in a deck
    in `language` (as for option_key)."""
    answer_key = option_key(answer, language)
    answer_look = drawn_alike(answer, answer_key, language)
    seen, looks = {answer_key}, {answer_look}
    for text in texts:
        key = option_key(text, language)
        look = drawn_alike(text, key, language)
        if key == answer_key or look == answer_look:
            yield text, key, SAME_AS_ANSWER
        elif key in seen or look in looks:
            yield text, key, REPEATED
        else:
            seen.add(key)
            looks.add(look)
            yield text, key, None


_DRAWN_ALIKE_NOTE = "a capital I, a small l and the digit 1 look alike, as do the digit 0 and a capital O"


_SPACING = re.compile("[ \t\n]+")


def _as_typed(text: str) -> str:
    """`text` case-folded with its runs of spaces, tabs and newlines as one space: two texts the
    same so differ in nothing a reader cannot see (a no-break space is no space here)."""
    return _SPACING.sub(" ", text.strip(" \t\n")).casefold()


def unseen(text: str, other: str, language: str | None = None) -> str:
    """What to add to "the same as" when two texts that clashes() takes for one option (in a deck
    in `language`) differ in more than case and spacing: the first character of `text`, else of
    `other`, that a reader cannot see or tell apart (quiz.deck.text.as_seen), named by its code
    point and Unicode name ("it holds U+0430 CYRILLIC SMALL LETTER A", "U+00A0 NO-BREAK SPACE"),
    or the letters drawn alike (drawn_alike)."""
    if _as_typed(text) == _as_typed(other):
        return ""
    folded, other_folded = text.casefold(), other.casefold()
    holder, odd = "it", next((c for c in text if not c.isascii() and c.casefold() not in other_folded), None)
    if odd is None:  # "x" beside an answer "×"
        holder, odd = "the other", next((c for c in other if not c.isascii() and c.casefold() not in folded), None)
    if odd is None and option_key(text, language) != option_key(other, language):
        return f" on screen: {_DRAWN_ALIKE_NOTE}"
    if odd is None:
        return " on screen (the two are written in different Unicode forms)"
    name = unicodedata.name(odd, "")
    return f" on screen: {holder} holds U+{ord(odd):04X}{f' {name}' if name else ''}, which a reader cannot tell apart"


def drawn_twice(text: str, texts: list[str], language: str | None = None) -> str:
    """What to add to "given twice" when clashes() found `text` REPEATED among `texts` (in a deck in
    `language`): nothing when the two differ only in case and spacing; else the other text and what
    a reader cannot tell apart in them (unseen: "it is the same as 'Black tea' on screen: it holds
    U+0430 CYRILLIC SMALL LETTER A"), or that the two are drawn alike (drawn_alike), a tester's
    report (T10). The other text is shown as repr() shows it, control characters escaped, as
    every text of a deck in a message is."""
    key = option_key(text, language)
    look = drawn_alike(text, key, language)
    for other in texts:
        if other is text:
            break
        other_key = option_key(other, language)
        if other_key == key:
            hidden = unseen(text, other, language)
            return f": it is the same as {other!r}{hidden}" if hidden else ""
        if drawn_alike(other, other_key, language) == look:
            return f": it looks the same as {other!r} on screen ({_DRAWN_ALIKE_NOTE})"
    return ""


class GroupAnswers(NamedTuple):
    """The distinct answers of one group (by folded text), in deck order, with their folded forms."""

    texts: tuple[str, ...]
    keys: tuple[str, ...]
    known: frozenset[str]
    """The keys as a set, to test a text against a group of thousands at once."""


class WrongOptions(NamedTuple):
    """What a fact may be shown with as wrong options.

    `total` is how many different ones there are. `own`: its distractors that differ from the
    answer and each other; `taken`: the folded texts of the answer and of `own`; `group`: its
    group's answers, only when `own` holds fewer than WRONG_OPTIONS (else None); `free`: how many
    of the group's answers are not taken.
    """

    own: tuple[str, ...]
    taken: frozenset[str]
    group: GroupAnswers | None = None
    free: int = 0

    @property
    def total(self) -> int:
        """How many different wrong options the fact can be shown with."""
        return len(self.own) + self.free

    def from_group(self) -> list[str]:
        """The group's answers that may fill in, in deck order (none when `own` is enough)."""
        if self.group is None:
            return []
        return [t for t, k in zip(self.group.texts, self.group.keys, strict=True) if k not in self.taken]


def group_answers(deck: Deck) -> dict[str, GroupAnswers]:
    """Every group's distinct answers, computed once for a deck (the last deck's are kept, as the
    app asks one question at a time and `quiz check` judges one fact at a time)."""
    global _last
    if _last is not None and _last[0] is deck:
        return _last[1]
    found: dict[str, dict[str, str]] = {}
    for fact in deck.facts:
        if fact.group:
            found.setdefault(fact.group, {}).setdefault(option_key(fact.answer, deck.language), fact.answer)
    groups = {group: GroupAnswers(tuple(seen.values()), tuple(seen), frozenset(seen)) for group, seen in found.items()}
    _last = (deck, groups)
    return groups


_last: tuple[Deck, dict[str, GroupAnswers]] | None = None


def wrong_options(deck: Deck, fact: Fact) -> WrongOptions:
    """The wrong options `fact` of `deck` may be shown with (see WrongOptions)."""
    own = []
    taken = {option_key(fact.answer, deck.language)}
    for text in fact.distractors:
        key = option_key(text, deck.language)
        if key not in taken:  # neither the answer nor an earlier distractor: no clash (see clashes)
            own.append(text)
            taken.add(key)
    group = group_answers(deck).get(fact.group) if fact.group and len(own) < WRONG_OPTIONS else None
    if group is None:
        return WrongOptions(tuple(own), frozenset(taken))
    free = len(group.keys) - len(taken & group.known)
    return WrongOptions(tuple(own), frozenset(taken), group, free)


_SHARES = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "tenth": 10}
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
_SHARE_WORDS = re.compile(
    r"((?:about|around|roughly|nearly|almost|over|under|more than|less than|fewer than|at least|at most) )?"
    r"(?:(a|one|two|three|four|nine)[ -])?(halfs?|thirds?|quarters?|fourths?|fifths?|tenths?)\.?"
)
"""An English option that is, the whole of it, a share in words ("Half", "About a third", "Three
quarters", "Under a quarter"): Said reads it as the frequency it is ("1 in 2"), so it says what
"50%" says (typed.proportions). Within a longer text "half" is the number 0.5, as typed marking
reads it ("half a tablet" = "0.5 tablet")."""


class Said:
    """What a learner reads a deck's texts as saying, to find two written differently that say the
    same ("0.5 mg" and ".5 mg", "−18 °C" and "-18 °C", "five mg" and "5 mg", a full-width "ＣＥＡ"):
    typed marking's exact match (quiz.typed.exact_keys), so that a wrong option is never a right
    answer written another way and no two options say the same. Each text is read once.

    This is the deck layer's one use of quiz.typed (pyproject.toml's layers contract says so):
    what counts as the same answer is typed marking's rule, and the loader must meet it.
    """

    def __init__(self, language: str) -> None:
        from quiz.typed import IN_BASE_UNITS, as_share, exact_keys, in_base_units, proportions

        self.language = language
        self._exact_keys = exact_keys
        self._proportions = proportions
        self._as_share = as_share
        self._in_base_units = in_base_units
        self._units = IN_BASE_UNITS.keys()
        self._keys: dict[str, tuple[object, str]] = {}
        self._written: dict[str, tuple[tuple[str, ...], ...]] = {}  # each text's own shape, in base units

    def key(self, text: str) -> tuple[object, str]:
        """The text's reading (or, with nothing to read, its folded text), and its folded text. In
        the reading a frequency, a percent and a share written last are the proportion they give
        (typed.proportions, typed.as_share: "2 in 100" says what "2%" says, "½" what "Half" says)."""
        found = self._keys.get(text)
        if found is None:
            reading, folded, units = self._exact_keys(text, self.language)
            written = self._based(reading)
            self._written[text] = written[0] if written is not None else ()
            shares = _SHARE_WORDS.fullmatch(folded.strip()) if self.language.startswith("en") else None
            if shares is not None:  # "About half" says what "about 1 in 2" says, and "about 50%"
                hedge, how_many, share = shares.groups()
                frequency = f"{hedge or ''}{_COUNTS.get(how_many, 1)} in {_SHARES[share.rstrip('s')]}"
                written = self._based(self._exact_keys(frequency, self.language)[0])
            # the reading's key is (shape, joined runs): quiz.typed.marking._key
            said = (self._as_share(self._proportions(written[0])), written[1]) if written is not None else None
            says = ("read", said, units) if said is not None else ("text", folded, units)
            found = self._keys[text] = says, folded
        return found

    def _based(self, reading: object) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]] | None:
        """A reading's (shape, runs) with each quantity in a unit that converts in its base unit
        ("0.5 g" as 500,000 mcg: quiz.typed.in_base_units); None for no reading."""
        if reading is None:
            return None
        shape, runs = cast("tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]", reading)
        return self._in_base_units(shape, runs) if not self._units.isdisjoint(runs) else (shape, runs)

    def numbers(self, text: str) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
        """The numbers `text` says, with the comparisons and ordinals that go with them (the shape
        items of _says_a_number), as typed marking reads them ("five" is 5, "Stage IV" is 4) in
        base units ("0.5 g" is 500 mg: quiz.typed.in_base_units), and as `key` reads them (a percent
        and a frequency also as the proportion they are: "2%" is "1 in 50"). () and () for a text
        that says none. Read with `key`, once a text."""
        said = self.key(text)[0]
        if not isinstance(said, tuple) or said[0] != "read":
            return (), ()
        converted = cast("tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]", said[1])[0]
        return tuple(filter(_says_a_number, self._written[text])), tuple(filter(_says_a_number, converted))

    def other_numbers(self, answer: str, text: str) -> bool:
        """Whether `text` says a number the answer does not: some number, comparison or ordinal of
        it (numbers) is not among the answer's, as written or as converted ("0.5 g" says what "500
        mg" says; "57" is the number of "57%"). A text that says fewer of them is not flagged ("150
        to 400" for "150 to 400 × 10⁹/L"), nor one that says none ("toward the body")."""
        own = self.numbers(text)
        if not own[0]:
            return False
        theirs = self.numbers(answer)
        return not any(_within(mine, other) for mine, other in zip(own, theirs, strict=True))

    def repeats(self, texts: Iterable[tuple[str, str]]) -> Iterator[tuple[int, str]]:
        """For (role, text) pairs in order: (index, "the <role> '<earlier>'") for each text that says
        what an earlier one says, in other words or the same."""
        seen: dict[object, tuple[str, str]] = {}
        for n, (role, text) in enumerate(texts):
            key = self.key(text)[0]
            if key in seen:
                yield n, f"the {seen[key][0]} {seen[key][1]!r}"
            else:
                seen[key] = (role, text)


_COMPARISONS = frozenset(("<", ">", "≤", "≥", "≠", "±", "="))


def _says_a_number(part: tuple[str, ...]) -> bool:
    """Whether a shape item (quiz.typed.Reading.shape) says a number: a number, range, frequency
    (or range of them) or proportion, an ordinal, or a comparison ("under", "≥"), which changes what
    its number says."""
    kind = part[0]
    return kind in "nrfFp" or (kind == "s" and (part[1] in _COMPARISONS or part[1].startswith("ordinal ")))


def _within(some: tuple[tuple[str, ...], ...], every: tuple[tuple[str, ...], ...]) -> bool:
    """Whether each item of `some` is among `every`, as often as it is in `some`."""
    from collections import Counter

    return not Counter(some) - Counter(every)


def said_earlier(texts: Sequence[str], said: Said) -> Iterator[tuple[int, int]]:
    """(i, j) for each of `texts` that says what the earlier texts[j] says, written otherwise (folded
    apart: texts folded alike are one option): the answers of one group that would each be offered
    as a wrong option to the other. group_repeats and the importer's grouping use it."""
    first: dict[object, int] = {}
    for i, text in enumerate(texts):
        says, folded = said.key(text)
        j = first.setdefault(says, i)
        if j != i and said.key(texts[j])[1] != folded:
            yield i, j


def _drawn_alike_in(facts: Sequence[Fact], members: list[int], language: str) -> Iterator[tuple[int, int]]:
    """(i, j) for each member of a group whose answer is drawn like the earlier member j's
    (drawn_alike, in a deck in `language`) but folds apart from it: "O2" and "02" as two answers of
    one group."""
    first: dict[str, tuple[int, str]] = {}
    for i in members:
        key = option_key(facts[i].answer, language)
        j, other = first.setdefault(drawn_alike(facts[i].answer, key, language), (i, key))
        if j != i and other != key:
            yield i, j


def group_repeats(facts: Sequence[Fact], said: Said) -> Iterator[tuple[int, str, str]]:
    """(index in `facts`, key, problem) for each answer that says what an earlier answer of its
    group says in other words (both would be options of one question), and each accept text that
    says what another answer of its group says (it would be offered to the fact as wrong)."""
    groups: dict[str, list[int]] = {}
    for i, fact in enumerate(facts):
        if fact.group:
            groups.setdefault(fact.group, []).append(i)
    for group, members in groups.items():
        for i, j in _drawn_alike_in(facts, members, said.language):
            yield i, "answer", (
                f'its answer {facts[i].answer!r} looks the same on screen as {facts[j].answer!r} (fact '
                f'"{facts[j].id}", group "{group}": {_DRAWN_ALIKE_NOTE}): both would be options of one question'
            )
        for a, b in said_earlier([facts[i].answer for i in members], said):
            i, j = members[a], members[b]
            yield (
                i,
                "answer",
                (
                    f'its answer {facts[i].answer!r} says what {facts[j].answer!r} (fact "{facts[j].id}", '
                    f'group "{group}") says: asking one, the other would be shown as a wrong option that says '
                    "the right answer; write both the same way, or put one in another group"
                ),
            )
        first: dict[object, int] = {}  # what each answer says: the first member that says it
        for i in members:
            first.setdefault(said.key(facts[i].answer)[0], i)
        for i in members:
            fact = facts[i]
            own = fact.distractors if len(fact.distractors) < WRONG_OPTIONS else ()  # drawn with the group's
            for key, role, text in [*(("accept", "accepted answer", t) for t in fact.accept),
                                    *(("distractors", "distractor", t) for t in own)]:  # fmt: skip
                j = first.get(said.key(text)[0], i)
                other = facts[j].answer
                # A distractor written as the other answer is drawn once (WrongOptions.taken); an
                # accept text written so is still offered as wrong.
                same = (said.key(fact.answer)[1],) if key == "accept" else (said.key(fact.answer)[1], said.key(text)[1])
                if said.key(other)[1] not in same:
                    yield i, key, (
                        f'the {role} {text!r} says what {other!r} (fact "{facts[j].id}", group "{group}") says: '
                        + ("it would be offered to this fact as a wrong option" if key == "accept" else
                           "both could be options of one question, the same option twice: write another wrong option")
                    )  # fmt: skip
