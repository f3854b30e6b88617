"""The threshold sweep: exact figures on a hand-built case list, the recommendation, the plot.

`--plot FILE` implies `--sweep` (there is nothing else to plot); with `--compare` it is a usage
error (exit 2). Without matplotlib it exits 1 and says how to install it.
"""

from __future__ import annotations

import io
import json
import os
import re
import struct
import sys
from pathlib import Path

import pytest

from bot import plotting
from bot.cli import main
from bot.config import Thresholds
from bot.evaluation import WRONG_ANSWER_BUDGET, Case, SweepPoint, evaluate, recommend, sweep
from bot.knowledge import KnowledgeBase
from bot.matching import Matcher
from tests.bridge_knowledge import ARTICLE, ENTRIES

GOOD = Path(__file__).resolve().parent / "data" / "good"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
NO_MATPLOTLIB = "Error: --plot needs matplotlib (pip install 'newsbot[plot]')\n"

KNOWLEDGE = KnowledgeBase((ARTICLE,), ENTRIES)
MATCHER = Matcher(KNOWLEDGE)
MARGIN = 5.0

EXACT_LENGTH = Case("How long is the bridge?", "bridge-length", "exact", 1)
EXACT_OPENING = Case("When did the bridge open?", "bridge-opening", "exact", 2)
TYPO = Case("bridge lenght", "bridge-length", "typo", 3)
AMBIGUOUS = Case("bridge", "bridge-length", "ambiguous", 4)
UNRELATED = Case("zebra quantum lasagna", "none", "unrelated", 5)
NEAR_MISS = Case("When did the mayor cut the ribbon?", "none", "near miss", 6)
FAINT = Case("How tall is the bridge?", "none", "faint", 7)
CASES = (EXACT_LENGTH, EXACT_OPENING, TYPO, AMBIGUOUS, UNRELATED, NEAR_MISS, FAINT)
THRESHOLDS = (0.0, 20.0, 40.0, 60.0, 80.0, 95.0, 99.0)


def best_and_lead(case: Case) -> tuple[str | None, float, float]:
    ranked = MATCHER.match(case.question, limit=2)
    if not ranked:
        return None, 0.0, 0.0
    second = ranked[1].score if len(ranked) > 1 else 0.0
    return ranked[0].entry.id, ranked[0].score, ranked[0].score - second


def test_the_scores_the_exact_figures_rest_on() -> None:
    """The premises, stated loosely: if the matcher is retuned, this fails first, not the sums."""
    for case in (EXACT_LENGTH, EXACT_OPENING):
        best, score, lead = best_and_lead(case)
        assert (best, score >= 99.5, lead >= MARGIN) == (case.expect, True, True)
    best, score, lead = best_and_lead(TYPO)
    assert (best, 80 < score < 95, lead >= MARGIN) == ("bridge-length", True, True)
    assert best_and_lead(AMBIGUOUS)[2] < MARGIN  # never answered: no entry leads
    assert best_and_lead(UNRELATED) == (None, 0.0, 0.0)
    best, score, lead = best_and_lead(NEAR_MISS)
    assert (best, 20 < score < 40, lead >= MARGIN) == ("mayor-name", True, True)
    assert best_and_lead(FAINT)[2] < MARGIN


def test_sweep_figures_are_exact() -> None:
    # 4 answerable: the two exact questions always right, the typo right up to its score (~91),
    # the ambiguous one never; 3 unanswerable: only the near miss answered, up to its score (~37)
    assert sweep(CASES, MATCHER, MARGIN, THRESHOLDS) == [
        SweepPoint(0.0, 3 / 4, 1 / 3),
        SweepPoint(20.0, 3 / 4, 1 / 3),
        SweepPoint(40.0, 3 / 4, 0.0),
        SweepPoint(60.0, 3 / 4, 0.0),
        SweepPoint(80.0, 3 / 4, 0.0),
        SweepPoint(95.0, 2 / 4, 0.0),
        SweepPoint(99.0, 2 / 4, 0.0),
    ]


def test_recommendation_is_the_middle_of_the_best_plateau_within_the_budget() -> None:
    points = sweep(CASES, MATCHER, MARGIN, THRESHOLDS)
    # within 5%: 40..99; best accuracy 3/4 at 40, 60, 80; the middle one leaves most room
    assert recommend(points) == SweepPoint(60.0, 3 / 4, 0.0)
    # a looser budget lets 0 and 20 in: plateau 0, 20, 40, 60, 80
    assert recommend(points, max_wrong=0.5) == SweepPoint(40.0, 3 / 4, 0.0)


@pytest.mark.parametrize("threshold", THRESHOLDS)
def test_sweep_agrees_with_the_decision_the_bot_takes(threshold: float) -> None:
    (point,) = sweep(CASES, MATCHER, MARGIN, (threshold,))
    report = evaluate(CASES, MATCHER, Thresholds(answer=threshold, clarify=0.0, margin=MARGIN))
    assert (point.accuracy, point.answered_unanswerable) == (
        report.accuracy,
        report.answered_unanswerable,
    )


def test_sweep_covers_every_whole_threshold_by_default() -> None:
    points = sweep(CASES, MATCHER, MARGIN)
    assert [p.threshold for p in points] == [float(t) for t in range(101)]


def test_sweep_without_answerable_or_unanswerable_questions() -> None:
    assert sweep([UNRELATED], MATCHER, MARGIN, (50.0,)) == [SweepPoint(50.0, 1.0, 0.0)]
    assert sweep([EXACT_LENGTH], MATCHER, MARGIN, (50.0,)) == [SweepPoint(50.0, 1.0, 0.0)]
    assert sweep([], MATCHER, MARGIN, (50.0,)) == [SweepPoint(50.0, 1.0, 0.0)]


def test_recommend_budget_is_inclusive_and_none_when_nothing_fits() -> None:
    at_budget = SweepPoint(70.0, 0.9, WRONG_ANSWER_BUDGET)
    over = SweepPoint(60.0, 0.95, 0.06)
    assert recommend([over, at_budget]) == at_budget
    assert recommend([over]) is None
    assert recommend([]) is None


def test_recommend_takes_the_upper_middle_of_an_even_plateau() -> None:
    points = [SweepPoint(float(t), 0.8, 0.0) for t in (70, 71, 72, 73)]
    assert recommend(points) == points[2]


def test_sweep_point_as_dict_rounds_the_shares() -> None:
    assert SweepPoint(76.0, 95 / 110, 1 / 38).as_dict() == {
        "threshold": 76.0,
        "accuracy": 0.8636,
        "answered_unanswerable_rate": 0.0263,
    }


# --- newsbot eval --sweep / --plot ----------------------------------------------------------

EVAL = """\
version: 1
questions:
  - q: How long is the footbridge?
    expect: bridge-length
  - q: Who designed the footbridge?
    expect: bridge-architect
  - q: zebra quantum lasagna
    expect: none
"""


@pytest.fixture
def eval_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Knowledge from tests/data/good, default settings, a question set in an empty folder."""
    for name in list(os.environ):
        if name.startswith(("NEWSBOT_", "TELEGRAM_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_KNOWLEDGE_DIR", str(GOOD))
    path = tmp_path / "questions.yaml"
    path.write_text(EVAL, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv), stdin=io.StringIO(""))
    out, err = capsys.readouterr()
    return code, out, err


def assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1000, 650)
    assert len(data) > 20_000  # two curves, four guides, labels and a legend, not a blank image


def printed_thresholds(out: str) -> list[float]:
    return [float(m) for m in re.findall(r"^\s+(\d+(?:\.\d+)?)  ", out, re.MULTILINE)]


@pytest.mark.parametrize("sweep_flag", [["--sweep"], []], ids=["with-sweep", "plot-implies-sweep"])
def test_eval_sweep_plot_writes_a_png_and_prints_the_recommendation(
    capsys: pytest.CaptureFixture[str], eval_file: Path, tmp_path: Path, sweep_flag: list[str]
) -> None:
    png = tmp_path / "out.png"
    code, out, err = run(capsys, "eval", str(eval_file), *sweep_flag, "--plot", str(png))
    assert code == 0
    assert_png(png)
    assert re.search(r"^recommended answer threshold: \d+ \(", out, re.MULTILINE)
    assert out.startswith("threshold  accuracy  answered-unanswerable\n")
    assert err == f"plot written to {png}\n"


def test_sweep_table_shows_every_fifth_threshold_plus_recommended_and_configured(
    capsys: pytest.CaptureFixture[str], eval_file: Path
) -> None:
    code, out, _ = run(capsys, "eval", str(eval_file), "--sweep")
    assert code == 0
    recommended = float(re.findall(r"recommended answer threshold: (\d+)", out)[0])
    shown = printed_thresholds(out)
    assert shown == sorted({*map(float, range(0, 101, 5)), recommended, 76.0})
    assert re.search(rf"^\s+{recommended:g}  .*<- recommended", out, re.MULTILINE)
    assert re.search(r"^\s+76  .*configured$", out, re.MULTILINE)


def test_sweep_table_shows_a_configured_threshold_between_whole_numbers(
    capsys: pytest.CaptureFixture[str], eval_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSBOT_ANSWER_THRESHOLD", "72.5")
    code, out, _ = run(capsys, "eval", str(eval_file), "--sweep")
    assert code == 0
    assert re.search(r"^\s+72\.5  .*<- configured$", out, re.MULTILINE)
    assert "configured: 72.5)" in out


def test_sweep_json_prints_every_point_and_the_recommendation(
    capsys: pytest.CaptureFixture[str], eval_file: Path
) -> None:
    code, out, _ = run(capsys, "eval", str(eval_file), "--sweep", "--json")
    assert code == 0
    figures = json.loads(out)
    assert [p["threshold"] for p in figures["points"]] == [float(t) for t in range(101)]
    points = [
        SweepPoint(p["threshold"], p["accuracy"], p["answered_unanswerable_rate"])
        for p in figures["points"]
    ]
    best = recommend(points)
    assert best is not None
    assert figures["recommended"] == best.as_dict()
    assert figures["configured"] == points[76].as_dict()
    assert (figures["file"], figures["margin"], figures["wrong_answer_budget"]) == (
        "questions.yaml",
        Thresholds().margin,
        WRONG_ANSWER_BUDGET,
    )


def test_plot_with_compare_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], eval_file: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "eval", str(eval_file), "--compare", "--plot", "out.png")
    assert (code, out) == (2, "")
    assert err == "Error: --plot draws the --sweep; it does not go with --compare\n"
    assert not (tmp_path / "out.png").exists()


def test_plot_without_matplotlib_says_how_to_install_it(
    capsys: pytest.CaptureFixture[str],
    eval_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now fails
    code, out, err = run(capsys, "eval", str(eval_file), "--sweep", "--plot", "out.png")
    assert (code, out, err) == (1, "", NO_MATPLOTLIB)
    assert not (tmp_path / "out.png").exists()


def test_plot_sweep_raises_plot_unavailable_when_matplotlib_cannot_be_imported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for module in ("matplotlib.backends.backend_agg", "matplotlib.figure", "matplotlib.ticker"):
        monkeypatch.setitem(sys.modules, module, None)
    points = [SweepPoint(0.0, 1.0, 0.0)]
    with pytest.raises(plotting.PlotUnavailable, match=re.escape("pip install 'newsbot[plot]'")):
        plotting.plot_sweep(
            points, tmp_path / "out.png", title="t", configured=76.0, recommended=None
        )


def test_plot_into_a_missing_folder_exits_1(
    capsys: pytest.CaptureFixture[str], eval_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "no-such-folder" / "out.png"
    code, _, err = run(capsys, "eval", str(eval_file), "--plot", str(target))
    assert code == 1
    assert err.startswith(f"Error: cannot write {target}: ")


def test_plot_sweep_draws_without_a_recommendation(tmp_path: Path) -> None:
    points = [SweepPoint(float(t), 1 - t / 100, 0.5) for t in range(101)]
    path = tmp_path / "none-safe.png"
    plotting.plot_sweep(points, path, title="nothing fits", configured=76.0, recommended=None)
    assert_png(path)
