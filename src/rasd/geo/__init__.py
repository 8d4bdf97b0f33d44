"""Geocoding: the shipped gazetteer, toponym finding in Arabic, disambiguation and places for events.

Entry points: ``gazetteer.load()``, ``toponyms.find_toponyms``, ``locate.DocumentGeocoder``,
``locate.geocode_text``. The build (``build.py``) runs only at build time.
"""
