"""The NLP layer: sentences, tokens, numbers and dates, all with offsets into the original text.

The NLP layer: sentences, tokens with clitics, numbers and number words, dates relative to
publication. Every function takes the full original text plus a ``[start, end)`` range and
returns offsets into that original text."""
