"""The facts every rule looks at, and small helpers shared by the rule modules.

One context type (:class:`Facts`) serves every decision, so a rule can be listed, tested and
rendered on its own. Facts the caller did not give stay ``None`` (unknown).
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import sys
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast, overload

import attrs

from klachtregels.engine import Flag
from klachtregels.messages import Message
from klachtregels.policy import HandledWhen, Policy
from klachtregels.vocabulary import CLOCK_MAY_RUN

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Mapping

    from klachtregels.model import Complaint, GckFiling, Judgement, PartyRole, Provider, SignalKind
    from klachtregels.terms import Deadline
    from klachtregels.vocabulary import FlagCode, Outcome

__all__ = [
    "Facts",
    "dated",
    "deadline_summary",
    "flag",
    "handled_not_before",
    "handled_on",
    "handling_for",
    "memo_flag",
    "new_facts",
]

T = TypeVar("T")

#: R1: the statutory internal-complaint and GCK regime applies from this date (WVPO).
REGIME_START = dt.date(2016, 1, 1)
#: R27/R28: Wko art. 1.51a-1.51c in force from this date.
MELDCODE_START = dt.date(2013, 7, 1)


class _Derived(Generic[T]):
    """A value derived from the facts on first use and kept on the instance (facts are immutable, so
    the answer cannot change). A plain non-data descriptor: after the first read, the instance's own
    ``__dict__`` answers (``functools.cached_property`` locks, and attrs' slotted variant goes through
    ``__getattr__``: both cost more than the derivations they save on the hot path)."""

    def __init__(self, derive: Callable[[Any], T]) -> None:
        self.derive = derive
        self.name = derive.__name__
        self.__doc__ = derive.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> _Derived[T]: ...
    @overload
    def __get__(self, obj: object, objtype: type | None = None) -> T: ...
    def __get__(self, obj: object, objtype: type | None = None) -> T | _Derived[T]:
        if obj is None:
            return self
        value = self.derive(obj)
        obj.__dict__[self.name] = value  # bypasses the frozen __setattr__: a cache, not a fact
        return value


# Not slotted: the derived values live in the instance's __dict__ (see _Derived).
@attrs.frozen(kw_only=True, slots=False)
class Facts:
    """Everything a rule may look at. Built by :mod:`klachtregels.decisions`.

    What several rules and decisions derive from the same facts (the day the complaint counts as
    handled, the house terms and their states, the signal kinds) is
    derived once per :class:`Facts`, on first use.
    """

    complaint: Complaint
    policy: Policy
    as_of: dt.date
    judgement: Judgement | None = None
    filing: GckFiling | None = None
    #: The day the dispute reached the Geschillencommissie (or the day asked about, see details).
    filed_on: dt.date | None = None
    #: Whether the complaint was first filed with the provider (R20). ``None``: derive or unknown.
    filed_with_provider: bool | None = None
    provider: Provider | None = None
    #: The handling deadline under the policy (R12), when the receipt date is known.
    handling: Deadline | None = None
    #: The eligibility outcome and its unknown facts (for the handling status).
    eligibility: str | None = None
    eligibility_unknown: tuple[str, ...] = ()
    due_soon_days: int = 7

    @property
    def received(self) -> dt.date | None:
        """The calendar day the complaint reached the provider."""
        return self.complaint.received_date

    @property
    def role(self) -> PartyRole | None:
        """The complainant's role, or ``None``."""
        c = self.complaint.complainant
        return None if c is None else c.role

    @_Derived
    def signal_kinds(self) -> frozenset[SignalKind] | None:
        """The kinds of the complaint's signals (``None``: signals not assessed)."""
        signals = self.complaint.signals
        return None if signals is None else frozenset(s.kind for s in signals)

    @_Derived
    def written(self) -> bool | None:
        """Whether the complaint was made in writing as R5 reads it under the policy
        (:func:`~.scope.in_writing`), derived once for the access rules that read it (R20, R21)."""
        scope = sys.modules.get(_SCOPE) or importlib.import_module(_SCOPE)
        return cast("bool | None", scope.in_writing(self))

    @_Derived
    def handled(self) -> tuple[dt.date | None, str]:
        """:func:`handled_on` for these facts (the day the complaint counts as handled, and its fact path)."""
        return _handled_on(self.judgement, self.policy)

    @_Derived
    def house_terms(self) -> Mapping[str, Deadline]:
        """The policy's house terms for the complaint (:func:`~.handling.house_deadlines`).

        None once eligibility is known and none of the procedure's terms apply
        (:data:`~klachtregels.vocabulary.CLOCK_MAY_RUN`: a complaint outside the statute and the
        policy, or not yet made in writing): the house regulation's promises (R7, R17) are about
        the complaints it covers, as the statutory six weeks are (R12)."""
        if self.eligibility is not None and self.eligibility not in CLOCK_MAY_RUN:
            return _NO_TERMS
        plan = _handling()._house_plan(self.policy)
        return cast(
            "Mapping[str, Deadline]", plan.deadlines(self.complaint.received_on, self.complaint.arose_on)
        )

    @_Derived
    def house_states(self) -> Mapping[str, tuple[Deadline, Outcome]]:
        """Each house term and its state on ``as_of`` (:func:`~.handling.house_term_states`)."""
        if not self.house_terms:
            return {}  # the usual case, answered without a call
        return cast("Mapping[str, tuple[Deadline, Outcome]]", _handling().house_term_states(self))


#: Every field of :class:`Facts` that has a default, with it (for :func:`new_facts`).
_FACT_DEFAULTS: Mapping[str, Any] = {
    a.name: a.default for a in attrs.fields(Facts) if a.default is not attrs.NOTHING
}
_new_object = object.__new__


def new_facts(**values: Any) -> Facts:
    """``Facts(**values)``, built by filling the instance's ``__dict__`` (defaults, then ``values``).

    The decisions build two :class:`Facts` per assessment; the frozen class's generated
    ``__init__`` sets each of its twelve fields through ``object.__setattr__``, which costs more
    than the rest of the construction. Facts has no converters or validators to skip; a test checks
    the result equals ``Facts(...)``. Every value must name a field, and the fields without a
    default must be given: the callers are this package's decisions, and the tests check both.
    """
    obj = _new_object(Facts)
    state = obj.__dict__
    state.update(_FACT_DEFAULTS)
    state.update(values)
    return obj


_HANDLING = "klachtregels.rules.handling"
#: No house terms (shared, read-only).
_NO_TERMS: Mapping[str, Deadline] = MappingProxyType({})
_SCOPE = "klachtregels.rules.scope"


def _handling() -> Any:
    """The module :mod:`klachtregels.rules.handling` (it builds on this module, so it is found when
    first needed rather than imported here; a look-up in ``sys.modules`` after that)."""
    module = sys.modules.get(_HANDLING)
    return module if module is not None else importlib.import_module(_HANDLING)


def deadline_summary(d: Deadline | None) -> dict[str, Any] | None:
    """A deadline as decision details show it: its date, calendar and ATW dates, and whether provisional."""
    if d is None:
        return None
    return {
        "date": d.date.isoformat(),
        "calendar_date": d.calendar_date.isoformat(),
        "atw_date": d.atw_date.isoformat(),
        "provisional": d.provisional,
    }


def flag(
    code: FlagCode, message: str | None = None, *, ambiguity: str | None = None, **params: object
) -> Flag:
    """A :class:`~klachtregels.engine.Flag` whose text is the catalogue entry ``message``
    (default ``FLAG_<code>``) with ``params``, rendered when read."""
    return Flag(code=code, text=Message(message or f"FLAG_{code}", params), ambiguity=ambiguity)


@functools.lru_cache(maxsize=8192)
def memo_flag(code: FlagCode, ambiguity: str | None, *params: tuple[str, Hashable]) -> Flag:
    """:func:`flag` for a flag whose parameters are plain values (dates, numbers, tuples of them),
    made once per set of values: a register repeats them, and one object is attributed to its rule
    once (:meth:`~klachtregels.engine.Flag.for_rule`)."""
    return Flag(code=code, text=Message(f"FLAG_{code}", dict(params)), ambiguity=ambiguity)


@functools.lru_cache(maxsize=8192)
def dated(code: str, day: dt.date) -> Message:
    """The catalogue entry ``code`` with its ``{day}``, made once per day."""
    return Message(code, {"day": day})


def handled_on(facts: Facts) -> tuple[dt.date | None, str]:
    """The day the complaint counts as handled (A5) and the fact path it comes from."""
    return facts.handled


def handled_not_before(facts: Facts) -> dt.date | None:
    """A5: the earliest day the complaint can count as handled when that day itself is unknown.

    Under a policy that counts the judgement's receipt (``handled_when = "received"``), a judgement
    with a sending day and no receipt day was not received before it was sent (the model refuses a
    receipt before sending): its sending day. ``None`` otherwise (the day is known, or nothing
    bounds it). The handling status and the Geschillencommissie's access read it to say what is
    certain whatever the receipt day: a judgement sent after the last day came late."""
    j = facts.judgement
    if j is None or facts.policy.handled_when is not HandledWhen.RECEIVED or j.received_date is not None:
        return None
    return j.sent_date


def _handled_on(j: Judgement | None, policy: Policy) -> tuple[dt.date | None, str]:
    if j is None:
        return None, "judgement"
    # The model's Amsterdam days (A22): the one place that turns an instant into a day.
    if policy.handled_when is HandledWhen.RECEIVED:
        return j.received_date, "judgement.received_on"
    return j.sent_date, "judgement.sent_on"


def handling_for(complaint: Complaint, policy: Policy) -> Deadline | None:
    """The six-week handling deadline (R6, R12) with the policy's A1-A4 settings, or ``None``.

    A provisional day (A2) is kept, marked: under ``strict_calendar`` the decisions refuse it where it
    is part of their answer (:func:`klachtregels.decisions.refuse_provisional`), not for a complaint
    whose answer shows no six weeks (an ineligible one, an oudercommissie's)."""
    received_on, day = complaint.received_on, complaint.received_date
    if received_on is None or day is None:
        return None
    if day < REGIME_START:
        return None  # R1: no six-week term before 2016 (and no reason to ask the calendar for one)
    return policy.handling_deadline(received_on, strict=False)
