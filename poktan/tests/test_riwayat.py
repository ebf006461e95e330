"""The history rule (poktan/riwayat.py) on crafted histories."""

from poktan import riwayat


def test_too_little_history_gives_no_warning():
    assert riwayat.periksa(480, []) is None
    assert riwayat.periksa(480, [17, 16]) is None
    assert riwayat.periksa(480, [17, None, 16, None]) is None  # empty months do not count


def test_stable_history_and_an_outlier_warns_with_median_and_range():
    # "remaja terjangkau" 17 → 48
    usual = riwayat.periksa(48, [15, 17, 16, 18, 17, 17])
    assert usual is not None
    assert (usual.median, usual.low, usual.high, usual.n) == (17, 15, 18, 6)
    # "hadir 120" where it is usually about 12
    assert riwayat.periksa(120, [12, 11, 13, 12, 10, 14]) is not None
    # the same histories, a value in range: no warning
    assert riwayat.periksa(19, [15, 17, 16, 18, 17, 17]) is None
    assert riwayat.periksa(13, [12, 11, 13, 12, 10, 14]) is None


def test_a_drop_is_as_far_as_a_jump():
    assert riwayat.periksa(2, [20, 22, 19, 21, 20, 20]) is not None
    assert riwayat.periksa(0, [12, 11, 13, 12]) is not None


def test_noisy_history_gives_no_warning_for_a_value_in_its_range():
    noisy = [5, 20, 8, 30, 12, 25]
    assert riwayat.periksa(28, noisy) is None
    assert riwayat.periksa(3, noisy) is None
    # … but a value far beyond even that spread still warns
    assert riwayat.periksa(200, noisy) is not None


def test_zero_spread_history_lets_small_changes_through():
    assert riwayat.periksa(13, [12] * 6) is None  # floor: max(2, 10 % of median)
    assert riwayat.periksa(14, [12] * 6) is None
    assert riwayat.periksa(30, [12] * 6) is not None
    # a figure that is always zero: a small count is not "far", a large one is
    assert riwayat.periksa(3, [0, 0, 0, 0]) is None
    assert riwayat.periksa(25, [0, 0, 0, 0]) is not None


def test_one_odd_month_in_the_history_does_not_make_everything_usual():
    # Median and MAD ignore the one odd month (a mean and standard deviation would not).
    assert riwayat.periksa(48, [17, 16, 90, 17, 18, 16]) is not None


def test_only_the_last_six_months_count():
    # newest first: six months around 100, then older months around 10
    history = [100, 98, 102, 101, 99, 100, 10, 11, 9, 10]
    assert riwayat.periksa(100, history) is None
    assert riwayat.periksa(10, history) is not None


def test_large_amounts_scale_with_their_median():
    omzet = [1_500_000, 1_600_000, 1_450_000, 1_550_000]
    assert riwayat.periksa(1_700_000, omzet) is None
    assert riwayat.periksa(15_000_000, omzet) is not None


def test_even_history_median_is_shown_with_one_decimal():
    usual = riwayat.periksa(100, [12, 13, 12, 13])
    assert usual.median == 12.5 and usual.median_shown == 12.5 and usual.decimals == 1
