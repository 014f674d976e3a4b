"""The Spanish site: translated text of the templates and messages, which pages are translated
and whether they are up to date, practice.yaml in Spanish, links between the languages, the
checks in Spanish."""
