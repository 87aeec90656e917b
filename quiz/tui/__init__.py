"""The Textual app: the only part of quiz that imports Textual."""
