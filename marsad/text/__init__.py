"""Arabic text utilities: folding, sentence splitting, tokens with clitics."""
