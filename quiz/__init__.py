"""quiz: patient-education quizzes and flashcards in the terminal."""

__version__ = "0.1.0"
