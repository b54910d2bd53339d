"""selfaudit: audit your internal customer orientation in the terminal, privately, over time."""

__version__ = "0.1.0"
