"""The Textual app. Imported only by the command that opens it."""
