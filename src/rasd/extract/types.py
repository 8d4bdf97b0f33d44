"""The ACLED event types and sub-event types, and the interaction-code rules (the fixed schema
that the trigger lexicon is checked against)."""

from __future__ import annotations

SUB_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
EVENT_TYPES = frozenset(SUB_TYPES.values())


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type a sub-event type belongs to (KeyError for unknown names)."""
    return SUB_TYPES[sub_event_type]


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction code: 10 * min + max of the two inter codes; one actor alone gives inter1*10."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return 10 * (inter1 or inter2 or 0)
    return 10 * min(inter1, inter2) + max(inter1, inter2)
