"""The cost of staff turnover: a transparent, per-category model.

Every input is a ``number`` item of the ``turnover-cost`` set; a skipped input falls back to the
item's cited default, and the result says which defaults were used. Hourly and daily costs are
derived from salary plus employer on-costs over the working days, at 8 hours a day.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from selfaudit.core.model import QuestionSet

HOURS_PER_DAY = 8.0

#: The item ids the model reads, in the order the set asks them.
INPUTS = (
    "headcount",
    "leavers",
    "salary",
    "on_costs_pct",
    "working_days",
    "vacancy_days",
    "vacancy_cover_pct",
    "ad_costs",
    "agency_fee_pct",
    "interview_hours",
    "onboarding_hours",
    "training_costs",
    "rampup_months",
    "rampup_productivity_pct",
    "separation_hours",
    "target_turnover_pct",
)

#: The input the what-if changes.
TARGET_ITEM = "target_turnover_pct"

#: Boushey & Glynn (Center for American Progress, 2012), from studies in the United States: the
#: typical cost of replacing an employee as a percentage of annual salary, by pay level (jobs
#: paid under USD 30,000 a year; USD 30,000 to 50,000; executives and highly specialised jobs,
#: "up to"), and the median over all the studies they reviewed.
BENCHMARK_PCT_OF_SALARY = {"low": 16.1, "middle": 20.0, "top": 213.0, "median": 21.0}

#: Cost categories per leaver, in display order.
CATEGORIES = ("separation", "vacancy", "recruitment", "onboarding", "rampup")

#: The inputs each part of the cost per leaver is computed from, besides the salary (which is
#: always given): a part *rests on defaults* when any of these was left empty.
PART_INPUTS: dict[str, tuple[str, ...]] = {
    "separation": ("separation_hours", "on_costs_pct", "working_days"),
    "vacancy": ("vacancy_days", "vacancy_cover_pct", "on_costs_pct", "working_days"),
    "adverts": ("ad_costs",),
    "agency": ("agency_fee_pct",),
    "selection": ("interview_hours", "on_costs_pct", "working_days"),
    "onboarding-time": ("onboarding_hours", "on_costs_pct", "working_days"),
    "training": ("training_costs",),
    "rampup": ("rampup_months", "rampup_productivity_pct", "on_costs_pct"),
}

#: The category each part adds to.
PART_CATEGORY = {
    "separation": "separation",
    "vacancy": "vacancy",
    "adverts": "recruitment",
    "agency": "recruitment",
    "selection": "recruitment",
    "onboarding-time": "onboarding",
    "training": "onboarding",
    "rampup": "rampup",
}

#: Stable codes of :attr:`TurnoverCost.warnings` (a screen shows catalog key ``warning.<code>``).
WARNINGS = (
    "leavers-exceed-headcount",
    "no-headcount",
    "no-working-days",
    "no-salary",
    "salary-under-1000",
    "vacancy-exceeds-working-days",
    "interviews-exceed-working-year",
)

#: A yearly salary below this is almost surely a slip (42 typed for 42,000, or a monthly pay).
LOW_SALARY = 1000.0


@dataclass(frozen=True)
class TurnoverCost:
    """The outcome of the calculator."""

    per_leaver: Mapping[str, float]
    """Cost per leaver by category (see :data:`CATEGORIES`)."""
    cost_per_leaver: float
    annual_cost: float
    pct_of_salary: float
    """Cost per leaver as a percentage of the average annual salary."""
    headcount: float
    leavers: float
    turnover_rate_pct: float
    target_rate_pct: float
    yearly_saving: float
    """Saving per year if turnover fell to the target rate (0 when it is already at or below)."""
    defaults_used: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    """Codes from :data:`WARNINGS` for implausible inputs, e.g. more leavers than people."""
    on_defaults: float | None = None
    """The part of :attr:`cost_per_leaver` that rests on defaults (see :data:`PART_INPUTS`);
    ``None`` in results saved before it was kept."""

    @property
    def pct_on_defaults(self) -> float | None:
        """:attr:`on_defaults` as a percentage of the cost per leaver (0 when it costs 0)."""
        if self.on_defaults is None:
            return None
        return 100 * _ratio(self.on_defaults, self.cost_per_leaver)


class MissingInputs(ValueError):
    """Inputs without an answer and without a default."""

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__(f"no value for {', '.join(missing)}")


def resolve_inputs(
    qset: QuestionSet, answers: Mapping[str, object]
) -> tuple[dict[str, float], list[str]]:
    """Each input's value (answer, else default) and the ids that used their default.

    Raises :class:`MissingInputs` listing every input that has neither.
    """
    values: dict[str, float] = {}
    defaults: list[str] = []
    missing: list[str] = []
    for key in INPUTS:
        item = qset.item(key)
        if key in answers:
            values[key] = float(answers[key])  # type: ignore[arg-type]
        elif item is not None and item.default is not None:
            values[key] = item.default
            defaults.append(key)
        else:
            missing.append(key)
    if missing:
        raise MissingInputs(missing)
    return values, defaults


def _ratio(part: float, whole: float) -> float:
    """``part / whole``, or 0 when ``whole`` is not positive (a warning says so)."""
    return part / whole if whole > 0 else 0.0


def input_warnings(v: Mapping[str, float]) -> tuple[str, ...]:
    """The :data:`WARNINGS` that apply to resolved inputs, in that order: impossible inputs
    (no people, no working days, no salary) and implausible ones, such as more leavers than
    people, a yearly salary under :data:`LOW_SALARY`, a post empty for longer than a year's
    working days, or more hours of selection for one hire than a working year has."""
    working_year_hours = v["working_days"] * HOURS_PER_DAY
    found = {
        "leavers-exceed-headcount": v["leavers"] > v["headcount"] > 0,
        "no-headcount": v["headcount"] <= 0,
        "no-working-days": v["working_days"] <= 0,
        "no-salary": v["salary"] <= 0,
        "salary-under-1000": 0 < v["salary"] < LOW_SALARY,
        "vacancy-exceeds-working-days": v["vacancy_days"] > v["working_days"] > 0,
        "interviews-exceed-working-year": v["interview_hours"] > working_year_hours > 0,
    }
    return tuple(code for code in WARNINGS if found[code])


def turnover_cost(v: Mapping[str, float], defaults_used: tuple[str, ...] = ()) -> TurnoverCost:
    """Compute the cost of turnover from resolved inputs (see :data:`INPUTS`).

    A division by a headcount, salary or number of working days that is not positive gives 0
    instead of failing, and :attr:`TurnoverCost.warnings` says so.
    """
    parts = cost_parts(v)
    per_leaver = dict.fromkeys(CATEGORIES, 0.0)
    for part, amount in parts.items():
        per_leaver[PART_CATEGORY[part]] += amount
    cost = sum(parts.values())
    on_defaults = sum(
        amount
        for part, amount in parts.items()
        if any(key in defaults_used for key in PART_INPUTS[part])
    )
    headcount = v["headcount"]
    return TurnoverCost(
        per_leaver=per_leaver,
        cost_per_leaver=cost,
        annual_cost=cost * v["leavers"],
        pct_of_salary=100 * _ratio(cost, v["salary"]),
        headcount=headcount,
        leavers=v["leavers"],
        turnover_rate_pct=100 * _ratio(v["leavers"], headcount),
        target_rate_pct=v["target_turnover_pct"],
        yearly_saving=yearly_saving(headcount, v["leavers"], cost, v["target_turnover_pct"]),
        defaults_used=defaults_used,
        warnings=input_warnings(v),
        on_defaults=on_defaults,
    )


def cost_parts(v: Mapping[str, float]) -> dict[str, float]:
    """The parts of the cost per leaver (see :data:`PART_INPUTS`), from resolved inputs."""
    employer_cost = v["salary"] * (1 + v["on_costs_pct"] / 100)
    daily = _ratio(employer_cost, v["working_days"])
    hourly = daily / HOURS_PER_DAY
    return {
        "separation": v["separation_hours"] * hourly,
        "vacancy": v["vacancy_days"] * daily * v["vacancy_cover_pct"] / 100,
        "adverts": v["ad_costs"],
        "agency": v["agency_fee_pct"] / 100 * v["salary"],
        "selection": v["interview_hours"] * hourly,
        "onboarding-time": v["onboarding_hours"] * hourly,
        "training": v["training_costs"],
        "rampup": v["rampup_months"]
        / 12
        * employer_cost
        * (1 - v["rampup_productivity_pct"] / 100),
    }


def yearly_saving(
    headcount: float, leavers: float, cost_per_leaver: float, target_pct: float
) -> float:
    """What a year would save if turnover fell to ``target_pct`` of headcount (the what-if)."""
    target_leavers = headcount * target_pct / 100
    return max(0.0, leavers - target_leavers) * cost_per_leaver


def saving_at(cost: TurnoverCost, target_pct: float) -> float:
    """The yearly saving of a computed cost at another target rate (the live what-if)."""
    return yearly_saving(cost.headcount, cost.leavers, cost.cost_per_leaver, target_pct)
