"""The header block of Anki's "Notes in Plain Text" files, read as Anki reads it.

Rules from ankitects/anki rslib/src/import_export/text/csv/metadata.rs (parse_meta_lines,
parse_meta_value): the header is the run of lines starting with `#` at the top of the file (the
very first line may instead be the legacy `tags:...`); each is `#key:value`, keys compared without
case or surrounding spaces; unknown keys and values Anki cannot read are ignored. The very first
line may also be Excel's `sep=;`, naming the separator (Anki does not read it; Excel and
LibreOffice do). A value may be
followed by stray separators, as spreadsheet programs save it (`#html:true|||||`): Anki reads past
them, and so does this.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field

SEPARATORS = {"tab": "\t", "pipe": "|", "semicolon": ";", "colon": ":", "comma": ",", "space": " "}
"""Anki's separators by name, in the order Anki tries them when it guesses (metadata.rs)."""

COLUMN_KEYS = ("guid", "notetype", "deck", "tags")
"""The `#KEY column:N` directives: columns that hold something other than a field."""

_STRAY = "".join(SEPARATORS.values())


@dataclass(slots=True)
class AnkiHeader:
    """What the header says; None where it says nothing. Columns are 0-based; lines are 1-based."""

    lines: int = 0
    separator: str | None = None
    html: bool | None = None
    columns: list[str] | None = None
    notetype: str = ""
    deck: str = ""
    tags: tuple[str, ...] = ()
    special: dict[str, int] = field(default_factory=dict)
    where: dict[str, int] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)


def separator_name(sep: str) -> str:
    """A separator as a person names it: "tab", "comma"... or the text itself in quotes."""
    return next((name for name, char in SEPARATORS.items() if char == sep), repr(sep))


def separator_text(name: str) -> str:
    """The separator a name stands for ("tab", "comma", ..., "\\t") or the text itself; ValueError if unusable."""
    key = name.strip().casefold()
    if key in SEPARATORS:
        return SEPARATORS[key]
    if name == "\\t":
        return "\t"
    if name and "\n" not in name and "\r" not in name and not name.startswith(('"', "#")):
        return name
    known = ", ".join(SEPARATORS)
    raise ValueError(f"cannot separate fields with {name!r}: use one of {known}, or other text without quotes")


def excel_separator(line: str) -> str | None:
    """The separator a first line `sep=;` names (as Excel writes and reads it: `sep=` and one
    character; a spreadsheet may repeat it after, `sep=;;`), or None where the line is not one."""
    if not line.casefold().startswith("sep=") or len(line) < 5:
        return None
    sep = line[4]
    return sep if sep not in '"\n' and line[5:].strip(sep) == "" else None


def _separator(value: str) -> str | None:
    """Anki's delimiter_from_value: a name (any case) or the character itself."""
    name = value.strip().casefold()
    if name in SEPARATORS:
        return SEPARATORS[name]
    return value if value in SEPARATORS.values() else None


def _value(value: str) -> str:
    """A header value without the stray separators a spreadsheet adds after it."""
    return value.rstrip(_STRAY) or value


def read_header(lines: list[str], *, tags_line: bool = True) -> AnkiHeader:
    """Read the header lines at the top of `lines` (a file split at newlines). A first line
    "tags:..." (older Anki's) is a header line only with `tags_line`: --no-header makes the first
    row a card, whatever it says."""
    head = AnkiHeader()
    for n, line in enumerate(lines, start=1):
        if n == 1 and tags_line and line.startswith("tags:"):
            head.tags = tuple(line.removeprefix("tags:").split())
            head.where["tags"] = n
        elif n == 1 and (excel := excel_separator(line)) is not None:
            head.separator = excel
            head.where["separator"] = n
        elif not line.startswith("#"):
            break
        elif ":" in line:
            key, value = line[1:].split(":", 1)
            _read_value(head, key.strip().casefold(), value, n)
        head.lines = n
    return head


def _read_value(head: AnkiHeader, key: str, value: str, line: int) -> None:
    bare = _value(value)
    if key == "separator":
        sep = _separator(value) or _separator(bare)
        if sep is None:
            head.ignored.append(f"line {line}: #separator:{value} is not a separator Anki knows")
            return
        head.separator = sep
    elif key == "html":
        flag = bare.strip().casefold()
        if flag not in ("true", "false"):
            head.ignored.append(f"line {line}: #html:{value} is neither true nor false")
            return
        head.html = flag == "true"
    elif key == "columns":
        names = next(csv.reader([value], delimiter=head.separator or "\t"), [])
        while names and not names[-1].strip():
            names.pop()  # stray separators after the last name
        head.columns = names
    elif key in ("notetype", "deck"):
        setattr(head, key, bare.strip())
    elif key == "tags":
        head.tags = tuple(value.split())
    elif key.endswith(" column") and key.removesuffix(" column") in COLUMN_KEYS:
        name = key.removesuffix(" column")
        number = bare.strip()
        if not (number.isascii() and number.isdigit()) or int(number) < 1:  # not "²" or "٣": Anki writes 0-9
            head.ignored.append(f"line {line}: #{key}:{value} is not a column number")
            return
        head.special[name] = int(number) - 1
    else:
        return
    head.where[key] = line


def column_name(text: str) -> str:
    """A column's name as names are compared: case, spacing, Unicode's ways of writing one letter
    (NFKC) and a colon after it aside (a full-width one too: "Lab  test:" is "lab test", "質問：" is "質問").
    Turkish dotted and dotless i are one letter here, as "TANIM" is "tanım" and "İ" lower-cases to "i̇"."""
    name = " ".join(unicodedata.normalize("NFKC", text).rstrip().rstrip(":").split()).casefold()
    return name.replace("i\u0307", "i").replace("ı", "i")


def _names(*words: str) -> frozenset[str]:
    """Column names as column_name compares them: each comma-separated name of `words`, normalised."""
    return frozenset(column_name(name) for text in words for name in text.split(",") if name.strip())


QUESTION_NAMES = _names(
    "term, front, question, word, name, item, test, parameter, concept, prompt, drug, medication, medicine, "
    "lab test, lab value",  # English
    "frage, begriff, vorderseite, wort, laborwert, medikament",  # German
    "pregunta, término, termino, anverso, palabra",  # Spanish
    "terme, recto, mot",  # French
    "domanda, termine, fronte, parola",  # Italian
    "vraag, voorkant, woord",  # Dutch
    "pergunta, termo, frente, palavra",  # Portuguese
    "pytanie, termin, pojęcie, przód, słowo, wyraz",  # Polish
    "fråga, begrepp, framsida, ord",  # Swedish
    "soru, terim, ön yüz, kelime",  # Turkish
    "вопрос, термин, понятие, слово, лицевая сторона",  # Russian
    "питання, запитання, термін, поняття",  # Ukrainian
    "ερώτηση, ερωτηση, όρος, ορος, λέξη, λεξη, μπροστά, μπροστα",  # Greek
    "سؤال, السؤال, مصطلح, المصطلح, كلمة, الكلمة",  # Arabic
    "प्रश्न, सवाल, शब्द",  # Hindi
    "提问, 问题, 题目, 正面, 术语, 词语, 单词",  # Chinese (simplified)
    "問題, 題目, 術語, 詞語, 單詞",  # Chinese (traditional)
    "質問, 問い, 用語, 単語, 表, おもて",  # Japanese
    "질문, 문제, 앞면, 용어, 단어",  # Korean
    "câu hỏi, thuật ngữ, mặt trước",  # Vietnamese
    "otázka, pojem, termín, přední strana",  # Czech
    "spørgsmål, begreb, forside, spørsmål, begrep",  # Danish, Norwegian
    "kysymys, termi, käsite, etupuoli",  # Finnish
    "kérdés, fogalom, kifejezés",  # Hungarian
    "întrebare, intrebare, termen",  # Romanian
    "pertanyaan, istilah, kata",  # Indonesian
    "питање, pitanje, појам, pojam",  # Serbian
    "سوال, پرسش, اصطلاح",  # Persian
    "שאלה, מונח",  # Hebrew
    "klausimas, küsimus, demando, கேள்வி, คำถาม",  # Lithuanian, Estonian, Esperanto, Tamil, Thai
)
"""Names a first row gives the column of questions: the headings of Anki's, Quizlet's and
spreadsheets' two-column lists, in the languages quiz's decks are written in and the common
languages of Anki's and Quizlet's users (each language's words for question, term, word, front)."""
ANSWER_NAMES = _names(
    "definition, back, answer, meaning, translation, value, result, description, dose, range, unit, target, "
    "normal range, reference range, normal value",  # English
    "antwort, rückseite, bedeutung, wert, ergebnis, beschreibung, dosis, normalwert, normbereich, "
    "referenzbereich, zielwert",  # German
    "respuesta, definición, definicion, reverso, significado, valor, resultado, descripción",  # Spanish
    "réponse, reponse, définition, verso, sens, valeur, résultat",  # French
    "risposta, definizione, retro, significato, valore, risultato",  # Italian
    "antwoord, definitie, achterkant, betekenis, waarde, resultaat",  # Dutch
    "resposta, definição, resultado, descrição",  # Portuguese
    "odpowiedź, odpowiedz, definicja, tył, znaczenie, tłumaczenie",  # Polish
    "svar, baksida, betydelse, översättning",  # Swedish
    "cevap, yanıt, tanım, arka yüz, anlam",  # Turkish
    "ответ, определение, значение, перевод, оборот, обратная сторона",  # Russian
    "відповідь, визначення, значення, переклад",  # Ukrainian
    "απάντηση, απαντηση, ορισμός, ορισμος, σημασία, σημασια, πίσω, πισω",  # Greek
    "جواب, الجواب, إجابة, الإجابة, اجابة, الاجابة, تعريف, التعريف, معنى, المعنى",  # Arabic
    "उत्तर, जवाब, अर्थ, परिभाषा",  # Hindi
    "答案, 回答, 背面, 定义, 释义, 意思, 解释",  # Chinese (simplified)
    "定義, 釋義, 解釋",  # Chinese (traditional)
    "答え, 解答, 意味, 裏, うら, 説明",  # Japanese
    "답, 정답, 대답, 답변, 뒷면, 정의, 뜻, 의미",  # Korean
    "câu trả lời, đáp án, định nghĩa, mặt sau",  # Vietnamese
    "odpověď, odpoved, definice, význam, zadní strana",  # Czech
    "bagside, betydning, definisjon, bakside",  # Danish, Norwegian
    "vastaus, määritelmä, merkitys, takapuoli",  # Finnish
    "válasz, meghatározás, jelentés, definíció",  # Hungarian
    "răspuns, raspuns, definiție, definitie",  # Romanian
    "jawaban, definisi, arti, makna",  # Indonesian
    "одговор, odgovor, дефиниција, definicija, значење, značenje",  # Serbian
    "پاسخ, تعریف, معنی",  # Persian
    "תשובה, הגדרה, פירוש",  # Hebrew
    "atsakymas, vastus, respondo, பதில், คำตอบ",  # Lithuanian, Estonian, Esperanto, Tamil, Thai
    "definició, significat",  # Catalan (its question words are Spanish's and French's)
)
"""Names a first row gives the column of answers (as QUESTION_NAMES)."""


def names_columns(fields: list[str]) -> bool:
    """Whether a first row names the columns rather than being a card: one of its first two fields
    is a name of QUESTION_NAMES and the other one of ANSWER_NAMES, in either order ("Term;Definition",
    "Frage;Antwort", "Вопрос;Ответ", "Answer;Question"), any case, a colon after each allowed
    (quiz.interop.notetypes.roles then finds each column by its name). quiz's choice (Anki imports
    such a row as a card); the import says so, and --no-header reads the row as a card."""
    first, second = (column_name(f) for f in [*fields[:2], "", ""][:2])
    return (first in QUESTION_NAMES and second in ANSWER_NAMES) or (first in ANSWER_NAMES and second in QUESTION_NAMES)
