"""One module per CLI command, each with ``main(args) -> exit code``; imported on demand."""
