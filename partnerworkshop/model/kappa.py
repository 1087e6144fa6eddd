"""Quadratic-weighted Cohen's kappa: agreement between two raters beyond what chance gives.

Each item (here: a question) is rated by two raters (here: the two parties) on one numeric scale.
With quadratic weights the disagreement of a pair of ratings is the squared difference of the
two ratings, and kappa compares the disagreement observed with the disagreement expected if each
rater's ratings were paired at random::

    kappa = 1 - observed / expected
    observed = mean over items of (a_i - b_i)^2
    expected = mean over all pairs (i, j) of (a_i - b_j)^2
             = var(a) + var(b) + (mean(a) - mean(b))^2      (population variances)

This is the textbook definition from the two raters' contingency table (Cohen 1968; Fleiss and
Cohen 1973) rewritten so that it needs one pass over the items; the scale's own normalisation
(dividing by the squared range) cancels out. 1 means perfect agreement, 0 agreement no better than
chance, below 0 worse than chance.
"""

from __future__ import annotations

from collections.abc import Sequence


def quadratic_weighted_kappa(ratings_a: Sequence[int], ratings_b: Sequence[int]) -> float | None:
    """Kappa for paired ratings; None when there are none or when chance cannot disagree.

    Chance cannot disagree when both raters gave one and the same rating to every item: the
    statistic is then 0/0 and says nothing, so it is not made up.
    """
    if len(ratings_a) != len(ratings_b):
        raise ValueError("every item needs a rating from both raters")
    count = len(ratings_a)
    if count == 0:
        return None
    sum_a = sum(ratings_a)
    sum_b = sum(ratings_b)
    squares_a = sum(rating * rating for rating in ratings_a)
    squares_b = sum(rating * rating for rating in ratings_b)
    squared_differences = sum((a - b) ** 2 for a, b in zip(ratings_a, ratings_b, strict=True))
    # Kept in whole numbers (everything times count^2) so the result does not depend on the order
    # of the two raters.
    observed = squared_differences * count
    expected = count * (squares_a + squares_b) - 2 * sum_a * sum_b
    if expected == 0:
        return None
    return 1.0 - observed / expected
