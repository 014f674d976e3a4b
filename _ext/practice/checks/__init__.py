"""Checks of the pages' words and reviews: person-first language, claims, reading level,
reviews due, what is ready to publish."""
