"""Stage 1, the language: the frozen plan model, source decoding, the Lark
grammar's parser and transformer, parse errors, and the canonical printer (fmt)."""
