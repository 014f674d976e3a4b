"""Placeholder."""


def setup(app):
    pass
