"""Signs and decimal marks: which number or word a "-", "+", "." or "," belongs to (quiz.typed.reading
reads a sign into its number; quiz.typed.shape keeps the others as symbols).

One rule runs through them: a sign or a decimal mark is never dropped as punctuation where it may
say something. It belongs to a number when only marks that enclose or set off a text (ENCLOSING:
brackets, quotes, asterisks, underscores) and spaces stand between them ("-(18)", "(-)18" and
"-*18*" are -18), and to a word it is joined to ("O-", "Rh (-)", "(-ve)"); else it is kept as a
symbol, so the text matches only texts that have it ("-/18", ".(5) mg", "-- 18").
"""

from __future__ import annotations

from quiz.typed.numbers import Token, is_number, starts
from quiz.typed.words import DECIMAL_MARKS, SOFT

ENCLOSING = frozenset("()[]{}'\"`*_\u2018\u2019\u201c\u201d\u00ab\u00bb")
"""Soft punctuation that encloses or sets off a text (brackets, quotes, the asterisks and underscores
of plain-text emphasis): between a sign and its number it leaves the sign the number's ("-(18)",
"(-)18", "-'18'", "-_18_", "10^-_3"). Not a colon, a slash or a dot: "-:18", "-/18" and "-•18" are
no number -18 (they keep the sign as a symbol: sign_side)."""
_OPENING = frozenset("([{")
"""An opening bracket: a sign alone in brackets ("(-)") is one sign (_bracketed)."""
_CLOSING = frozenset(")]}\u2019\u201d\u00bb")
"""A closing bracket or quotation mark: a dash joined to one and to a word after it is a hyphen
("(IV)-related")."""


def plus_or_minus(tokens: list[Token], i: int) -> bool:
    """Whether "+/-" or "+-" starts at tokens[i], written together: "±"."""
    for words in (("+", "/", "-"), ("+", "-")):
        if starts(tokens, i, words) and not any(tokens[i + k][2] for k in range(1, len(words))):
            return True
    return False


def signed_number(tokens: list[Token], i: int) -> int | None:
    """The index of the number that the sign at tokens[i] stands before, with only ENCLOSING marks
    and spaces between ("-18", "- 18", "-(18)", "(-)18", "-[18]"); None if none. Whether it is a
    sign at all, and not a hyphen, is is_sign's."""
    j = i + 2 if _bracketed(tokens, i) else i + 1  # "(-)18": past its own closing bracket
    while j < len(tokens) and tokens[j][0] == "S" and tokens[j][1] in ENCLOSING and tokens[j][1] not in _CLOSING:
        j += 1  # a closing mark ends what the sign was in: "(ER -) 5 mg"
    if not is_number(tokens, j) or _bracketed_after_a_word(tokens, i):
        return None
    return j


def is_sign(tokens: list[Token], i: int, before: Token | None) -> bool:
    """Whether the "-" (or "+") at tokens[i] is a sign: a number follows (signed_number) and none
    comes just before (`before`, the token read before it, or None).

    "COVID-19" and "5-FU" hold hyphens (a word or number touches the dash on the left), "2-3" a range,
    and so does "5%-10%" (a percent sign touches it, or spaces stand on both sides).
    """
    if signed_number(tokens, i) is None:
        return False
    if before is None:
        return True
    if before[0] == "n":
        return False
    if before[1] == "%":  # "5%-10%" and "5% - 10%" are ranges; "5% -10%" is a fall of 10%
        return bool(tokens[i][2]) and not tokens[i + 1][2]
    return (before[0] == "S" and before[1] != "-") or bool(tokens[i][2])


def _bracketed(tokens: list[Token], i: int) -> bool:
    """Whether the sign at tokens[i] stands alone in brackets: "(-)", "[+]", "( - )"."""
    if i == 0 or i + 1 >= len(tokens):
        return False
    return tokens[i - 1][0] == "S" and tokens[i - 1][1] in _OPENING and tokens[i + 1][1] in ")]}"


def _bracketed_after_a_word(tokens: list[Token], i: int) -> bool:
    """Whether the sign at tokens[i] is a bracketed one (_bracketed) after a word or a number: that
    one's sign, as lab reports write it ("Rh (-)", "ER(+)/PR(-)", "HER2 (−)"). Joined to a number
    after it, and not to the word before, it is the number's: "take (-)5 mL"."""
    if not (_bracketed(tokens, i) and i >= 2 and tokens[i - 2][0] in ("w", "n")):
        return False
    return not tokens[i - 1][2] or not (is_number(tokens, i + 2) and not tokens[i + 2][2])


def ends_a_text(tokens: list[Token], i: int) -> bool:
    """Whether token i ends a text after something (only other soft punctuation after it): a dash
    there is a minus sign, never a hyphen ("O-" is not "O", "HER2-" is not "HER2")."""
    return i > 0 and all(t[0] == "S" and t[1] in SOFT and t[1] != "-" for t in tokens[i + 1 :])


def sign_side(tokens: list[Token], i: int) -> str:
    """Which word or figure a sign, token i ("-" or "+"), belongs to: "after" one it is joined to
    and before a space or punctuation ("O- blood", "ER+ PR", "ER-/PR-", "(HER2-)", or at the end of
    a text, ends_a_text), or one it follows in brackets ("Rh (-) blood" is "Rh- blood"); "before"
    one it is joined to after a space or an opening mark ("-ve", "ER +PR", "(-ve)"); else "".
    "HER2- ER" is not "HER2 -ER". A dash joined on both sides to words or numbers is a hyphen
    ("5-FU", "well-differentiated"), and one with a space on both sides stands between words: both
    are dropped, as soft punctuation. A sign joined to other punctuation is kept ("-°C", "-/18",
    "10^-: 3"): it may say something, so it is never dropped."""
    if ends_a_text(tokens, i) or _bracketed_after_a_word(tokens, i):
        return "after"
    if _bracketed(tokens, i):
        return "before"  # "(-) blood", "(+)-" ...
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    left = tokens[i - 1] if i > 0 and not tokens[i][2] else None  # what it is joined to on the left
    if left is not None and left[0] in ("w", "n"):
        spaced_after = after is None or bool(after[2]) or (after[0] == "S" and after[1] in SOFT and after[1] != "-")
        return "after" if spaced_after else ""
    if after is None or after[2] or after[1] == "-":
        return "after" if left is not None and left[1] != "-" else ""  # "(- x)"; " - " between words
    if after[1] in _CLOSING:
        return "after"  # "(ER -) 5 mg": the last in brackets
    if left is not None and left[1] in _CLOSING and after[0] in ("w", "n"):
        return ""  # a hyphen after a bracket: "(IV)-related"
    return "before"


def stands_before_a_number(tokens: list[Token], i: int) -> bool:
    """Whether token i is a decimal mark standing on its own before a number, with only soft
    punctuation between (". 5 mg", ", 5", ".(5) mg", "(.)5 mg", "._5"): kept, so that "5 mg" is
    never read out of what may be 0.5 mg. After a word, a number or a closing mark, joined to it,
    it is punctuation ("Stage IV. 5 years", "5 mg, 10 mg", "(IV). 5")."""
    if tokens[i][1] not in DECIMAL_MARKS:
        return False
    start = i  # the first of the soft marks joined to it on the left: "wait... 5" ends a word
    while start > 0 and not tokens[start][2] and _opening_or_soft(tokens[start - 1]):
        start -= 1
    if start > 0 and not tokens[start][2] and (tokens[start - 1][0] != "S" or tokens[start - 1][1] in _CLOSING):
        return False  # joined to a word, a number or a closing mark
    j = i + 1
    while j < len(tokens) and tokens[j][0] == "S" and tokens[j][1] in SOFT and tokens[j][1] not in DECIMAL_MARKS:
        j += 1
    return is_number(tokens, j)


def _opening_or_soft(token: Token) -> bool:
    """Whether a token is soft punctuation that closes nothing ("(", ".", "_")."""
    return token[0] == "S" and token[1] in SOFT and token[1] not in _CLOSING
