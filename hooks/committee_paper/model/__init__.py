"""The ground floor: the paper read from its files, and its types (pages, settings, contacts, markers, problems).

Imports nothing from the tool's other sub-packages."""
