"""The regulation's rules, one module per part of it.

- :mod:`~klachtregels.rules.scope`: eligibility (R1-R5)
- :mod:`~klachtregels.rules.meldcode`: meldcode and meldplicht precedence (R27-R30)
- :mod:`~klachtregels.rules.geschillencommissie`: Geschillencommissie access (R20-R26)
- :mod:`~klachtregels.rules.oudercommissie`: the oudercommissie's own route to the Geschillencommissie (R25)
- :mod:`~klachtregels.rules.handling`: the six-week term and the handling status (R6, R12, R13, R17)
- :mod:`~klachtregels.rules.catalogue`: every rule, listed and rendered

Each rule is data (id, citations, validity, outcomes) plus a small pure function over
:class:`~klachtregels.rules._facts.Facts`.
"""

from klachtregels.rules._facts import Facts
from klachtregels.rules.catalogue import SPECS, all_rules, render_rules
from klachtregels.rules.geschillencommissie import GCK_ACCESS, GCK_OC_ACCESS
from klachtregels.rules.handling import HANDLING
from klachtregels.rules.meldcode import PRECEDENCE
from klachtregels.rules.scope import ELIGIBILITY

__all__ = [
    "ELIGIBILITY",
    "GCK_ACCESS",
    "GCK_OC_ACCESS",
    "HANDLING",
    "PRECEDENCE",
    "SPECS",
    "Facts",
    "all_rules",
    "render_rules",
]
