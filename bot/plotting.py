"""The answer-threshold trade-off of `newsbot eval --sweep`, drawn as a PNG.

matplotlib is optional (`pip install 'newsbot[plot]'`): it is imported only when a plot is
drawn, and the figure is rendered with the Agg canvas directly, so no display is needed and
pyplot's global state is never touched.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

from bot.evaluation import WRONG_ANSWER_BUDGET, SweepPoint

INSTALL_HINT = "pip install 'newsbot[plot]'"


class PlotUnavailable(Exception):
    """matplotlib is not installed."""


def available() -> bool:
    """Whether matplotlib can be imported, without importing it (that takes a while)."""
    try:
        return importlib.util.find_spec("matplotlib") is not None
    except ValueError:  # a module set to None in sys.modules, as tests do to hide it
        return False


def plot_sweep(
    points: Sequence[SweepPoint],
    path: Path,
    *,
    title: str,
    configured: float,
    recommended: SweepPoint | None,
    budget: float = WRONG_ANSWER_BUDGET,
) -> None:
    """Write the two sweep curves, the configured and recommended thresholds and the budget."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.ticker import PercentFormatter
    except ImportError as error:
        raise PlotUnavailable(f"--plot needs matplotlib ({INSTALL_HINT})") from error

    thresholds = [p.threshold for p in points]
    figure = Figure(figsize=(9, 5.5), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.plot(
        thresholds, [p.accuracy for p in points], color="tab:blue", linewidth=2,
        label="answerable questions answered right",
    )  # fmt: skip
    axes.plot(
        thresholds, [p.answered_unanswerable for p in points], color="tab:red", linewidth=2,
        label="unanswerable questions answered anyway",
    )  # fmt: skip
    axes.axhline(
        budget, color="tab:red", linestyle=":", linewidth=1,
        label=f"wrong-answer budget ({budget:.0%} of unanswerable)",
    )  # fmt: skip
    if recommended is not None:
        axes.axvline(
            recommended.threshold, color="tab:green", linestyle="--", linewidth=1.5,
            label=f"recommended threshold {recommended.threshold:g} "
            f"({recommended.accuracy:.1%} right, "
            f"{recommended.answered_unanswerable:.1%} answered anyway)",
        )  # fmt: skip
    axes.axvline(
        configured, color="0.35", linestyle="-.", linewidth=1.5,
        label=f"configured threshold {configured:g} (NEWSBOT_ANSWER_THRESHOLD)",
    )  # fmt: skip
    axes.set_title(title)
    axes.set_xlabel("answer threshold (minimum score to answer, 0-100)")
    axes.set_ylabel("share of questions")
    axes.set_xlim(min(thresholds, default=0.0), max(thresholds, default=100.0))
    axes.set_ylim(-0.02, 1.02)
    axes.yaxis.set_major_formatter(PercentFormatter(1.0))
    axes.grid(True, alpha=0.3)
    axes.legend(loc="center left", fontsize="small")
    figure.savefig(path, format="png", dpi=100)
