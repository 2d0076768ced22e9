"""``python -m klachtregels.messages``: write the catalogue's index (``index.json``) from its TOML files."""

from klachtregels.messages import write_index

write_index()
