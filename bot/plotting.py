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
    """Draw both sweep curves, the configured and recommended thresholds and the budget.

    A sweep is measured at whole thresholds, so each value is drawn as holding until the next.
    """
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.ticker import PercentFormatter
    except ImportError as error:
        raise PlotUnavailable(f"--plot needs matplotlib ({INSTALL_HINT})") from error

    thresholds = [p.threshold for p in points]
    figure = Figure(figsize=(10, 6.5), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    accuracy = [p.accuracy for p in points]
    answered = [p.answered_unanswerable for p in points]
    label = "answerable questions answered right"
    axes.plot(thresholds, accuracy, "tab:blue", linewidth=2, drawstyle="steps-post", label=label)
    label = "unanswerable questions answered anyway"
    axes.plot(thresholds, answered, "tab:red", linewidth=2, drawstyle="steps-post", label=label)
    label = f"wrong-answer budget ({budget:.0%} of unanswerable)"
    axes.axhline(budget, color="tab:red", linestyle=":", linewidth=1, label=label)
    # the configured line goes first, wide and grey, so a dashed recommendation on it shows
    label = f"configured threshold {configured:g} (NEWSBOT_ANSWER_THRESHOLD)"
    axes.axvline(configured, color="0.6", linewidth=3, alpha=0.7, label=label)
    if recommended is not None:
        label = (
            f"recommended threshold {recommended.threshold:g} ({recommended.accuracy:.1%} right, "
            f"{recommended.answered_unanswerable:.1%} answered anyway)"
        )
        x = recommended.threshold
        axes.axvline(x, color="tab:green", linestyle="--", linewidth=1.5, label=label)
    axes.set_title(title)
    axes.set_xlabel("answer threshold (minimum score to answer, 0-100)")
    axes.set_ylabel("share of questions")
    axes.set_xlim(min(thresholds, default=0.0), max(thresholds, default=100.0))
    axes.set_ylim(-0.02, 1.02)
    axes.yaxis.set_major_formatter(PercentFormatter(1.0))
    axes.grid(True, alpha=0.3)
    figure.legend(loc="outside lower center", ncols=2, fontsize="small")  # never over a curve
    figure.savefig(path, format="png", dpi=100)
