"""rasd's HTTP API (FastAPI): read events, documents and stats; post documents with a token.

``create_app(db_path, token=None) -> FastAPI`` builds the app ``rasd serve`` runs.
"""

from rasd.api.app import create_app

__all__ = ["create_app"]
