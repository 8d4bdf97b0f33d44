"""rasd (رصد): Arabic conflict news in, ACLED-style political-violence events out.

Data flows one way: ingest → clean → nlp → extract → geo → resolve → store → export/api.
Each stage is a sub-package with one job; they exchange the dataclasses in ``rasd.model``.
"""

__version__ = "0.1.0"
