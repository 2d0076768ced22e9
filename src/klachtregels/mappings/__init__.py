"""Column mappings shipped with klachtregels.

TOML files; read them with :meth:`klachtregels.register.ColumnMapping.builtin`.

* ``partou``: Partou Klachtenjaarverslag 2025, Bijlage 1 (``partou_klachten_2025.csv``).
* ``partou_geschillen``: its Geschillencommissie cases, Bijlagen 2 and 3 (``partou_geschillen_2025.csv``).
"""
