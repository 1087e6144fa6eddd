"""Quadratic-weighted kappa against published worked examples and the textbook table formula."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerworkshop.model.kappa import quadratic_weighted_kappa


def kappa_from_table(ratings_a: list[int], ratings_b: list[int]) -> Fraction:
    """Weighted kappa as textbooks compute it (Cohen 1968): from the two raters' contingency table,
    with disagreement weights (i - j)^2 / (k - 1)^2, in exact fractions.

    kappa = 1 - sum(w_ij * observed_ij) / sum(w_ij * expected_ij),
    expected_ij = row total_i * column total_j / n.
    """
    categories = list(range(min(ratings_a + ratings_b), max(ratings_a + ratings_b) + 1))
    k, n = len(categories), len(ratings_a)
    observed = {(i, j): 0 for i in categories for j in categories}
    for a, b in zip(ratings_a, ratings_b, strict=True):
        observed[a, b] += 1
    rows = {i: sum(observed[i, j] for j in categories) for i in categories}
    columns = {j: sum(observed[i, j] for i in categories) for j in categories}

    def weight(i: int, j: int) -> Fraction:
        return Fraction((i - j) ** 2, (k - 1) ** 2)

    disagreement = sum(weight(i, j) * observed[i, j] for i in categories for j in categories)
    chance = sum(
        weight(i, j) * Fraction(rows[i] * columns[j], n) for i in categories for j in categories
    )
    return 1 - disagreement / chance


# scikit-learn's tests of cohen_kappa_score (sklearn/metrics/tests/test_classification.py,
# test_cohen_kappa, "Weighting example: none, linear, quadratic"): quadratic weights give 0.9541.
SKLEARN_A = [0] * 46 + [1] * 44 + [2] * 10
SKLEARN_B = [0] * 50 + [1] * 40 + [2] * 10

# Maple's help page for EssayTools[QuadraticWeightedKappa] (Examples): two graders' essay scores,
# 0.758620689655172 and 0.438095238095238.
MAPLE_A = [9, 7, 8, 7, 6, 8, 3, 5, 10]
MAPLE_B1 = [8, 8, 6, 6, 7, 6, 1, 4, 8]
MAPLE_B2 = [3, 5, 6, 6, 7, 6, 1, 4, 8]


@pytest.mark.parametrize(
    ("ratings_a", "ratings_b", "published", "places"),
    [
        (SKLEARN_A, SKLEARN_B, 0.9541, 4),
        (MAPLE_A, MAPLE_B1, 0.758620689655172, 12),
        (MAPLE_A, MAPLE_B2, 0.438095238095238, 12),
    ],
)
def test_published_worked_examples(
    ratings_a: list[int], ratings_b: list[int], published: float, places: int
) -> None:
    kappa = quadratic_weighted_kappa(ratings_a, ratings_b)
    assert kappa is not None
    assert kappa == pytest.approx(published, abs=0.5 * 10**-places)
    assert kappa == pytest.approx(float(kappa_from_table(ratings_a, ratings_b)), abs=1e-12)


def test_perfect_agreement_is_one_and_reversal_is_below_zero() -> None:
    assert quadratic_weighted_kappa([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]) == 1.0
    reversed_kappa = quadratic_weighted_kappa([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])
    assert reversed_kappa is not None and reversed_kappa < 0


def test_undefined_cases_give_none() -> None:
    assert quadratic_weighted_kappa([], []) is None
    assert quadratic_weighted_kappa([3, 3, 3], [3, 3, 3]) is None
    with pytest.raises(ValueError, match="both raters"):
        quadratic_weighted_kappa([1, 2], [1])


@given(
    st.integers(1, 30).flatmap(
        lambda n: st.tuples(
            st.lists(st.integers(1, 5), min_size=n, max_size=n),
            st.lists(st.integers(1, 5), min_size=n, max_size=n),
        )
    )
)
def test_agrees_with_the_table_formula_and_is_symmetric(
    ratings: tuple[list[int], list[int]],
) -> None:
    ratings_a, ratings_b = ratings
    kappa = quadratic_weighted_kappa(ratings_a, ratings_b)
    assert kappa == quadratic_weighted_kappa(ratings_b, ratings_a)
    if len(set(ratings_a + ratings_b)) == 1:
        assert kappa is None
    else:
        assert kappa is not None
        assert kappa == pytest.approx(float(kappa_from_table(ratings_a, ratings_b)), abs=1e-12)
        assert -1.0 <= kappa <= 1.0
