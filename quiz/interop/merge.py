"""What an import of a fact's note changes in the fact, for `quiz import --update` (quiz.interop.update).

A note `quiz export` made carries more than the fact's text: tags for its deck, group, topic and
priority, and after the explanation the "Wrong options" (each distractor's why) and "Source"
texts (quiz.interop.anki). Read back from Anki, each is the fact's own again where it can be (a
topic or priority moved by its tag, a why edited in the Wrong options field), and never pasted
into the explanation or the tags.
"""

from __future__ import annotations

from typing import Any

from quiz.deck.model import SHOULD_KNOW, Deck, Fact


def merged_fact(deck: Deck, old: Fact, new: Fact, image: Fact | None) -> Fact:
    """The deck's fact `old` with the import's text (`new`, as quiz.interop.importer made it), where
    it was edited.

    `image` is what an import of the fact's own note gives with no edit (quiz.interop.update's
    _read_back): a field the import brings back as that is unedited, and keeps the deck's text.
    What `quiz export` adds to or changes in a note is not taken as the fact's own: the tags it adds
    (the deck's, the group's) and the spaces a tag cannot hold; the topic and priority tags, read
    as the topic and priority (from_tags: a tag taken out changes nothing, since a note of another
    deck has none; `priority::should-know` makes a fact should-know); the "Source"
    text and the "Wrong options" after the explanation (quiz.interop.anki.added_texts), whose
    whys, edited in Anki, are the distractors' (a why taken out stays); and the question with a
    blank a cloze note gives for a fact with a statement: the deck's question stays where it is its
    own (the note carries none), though the statement changed.
    """
    from quiz.interop.anki import added_texts, from_tags, note_tags, tag, whys_read_back

    tags_added = set(note_tags(deck, old._replace(tags=(), topic="", priority=SHOULD_KNOW))) - set(old.tags)
    own = {tag(t): t for t in old.tags}
    exported_after = added_texts(deck, old)

    def own_text(fact: Fact) -> tuple[Fact, dict[str, str]]:
        explanation = fact.explanation
        for added in reversed(exported_after):
            explanation = "" if explanation == added else explanation.removesuffix("\n\n" + added)
        explanation, whys = whys_read_back(old, explanation)
        fact = from_tags(deck, fact)
        tags = tuple(own.get(t, t) for t in fact.tags if t not in tags_added)
        return fact._replace(explanation=explanation, tags=tags), whys

    (imported, whys), unedited = own_text(new), own_text(image)[0] if image is not None else None
    # A cloze note carries no question: the import's is its statement blanked. Where the deck's
    # question is the author's own (not that blank), an edited statement leaves it as it is.
    own_question = unedited is not None and bool(unedited.statement) and unedited.question != old.question
    text: dict[str, Any] = {}
    for key in ("question", "answer", "explanation", "tags", "statement", "topic", "priority"):
        value = getattr(imported, key)
        if unedited is not None and value == getattr(unedited, key):
            value = getattr(old, key)
        if key == "question" and own_question and imported.statement:
            value = old.question
        text[key] = value or getattr(old, key)  # an explanation, tags, statement, topic or priority taken out is kept
    if whys:
        had = old.whys or ("",) * len(old.distractors)
        read = tuple(whys.get(d, why) for d, why in zip(old.distractors, had, strict=True))
        text["whys"] = read if any(read) else ()
    return old._replace(**text)
