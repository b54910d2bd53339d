"""The domain: question-set model, answer checking and scoring.

Pure Python: no textual, no rich, no file I/O (a test proves the first two in a subprocess).
"""
