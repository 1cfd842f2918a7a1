"""Names on the real pages (../shared/realpages/): the floors that issue 11's work reached, printed by
tests/eval_names_real.py. Raise them as the gazetteers grow; never lower them to make a change pass."""

# (right, total) as measured when the floor was set; the share must not fall below right / total
FLOORS = {
    (False, "persons"): (80, 91),     # 63 before the Korean persons and the leaders since 1949, 73 before CPED
    (True, "persons"): (83, 91),      # with the page as context (Hanzi printed beside the reading decide); 76 before CPED
    (False, "places"): (309, 349),    # 206 before the places beyond the divisions (features, abroad, towns,
                                      # addresses), 286 before names by their ending (공원로, 장백산역) and towns
                                      # scored without 镇
    (True, "places"): (315, 349),     # 208, 288 before them
}


def test_names_real_pages_keep_their_floors(script):
    evaluate = script("tests/eval_names_real.py").evaluate
    for with_context in (False, True):
        scores = evaluate(with_context)
        for kind in ("persons", "places"):
            right, total, misses = scores[kind]
            floor_right, floor_total = FLOORS[(with_context, kind)]
            assert total >= floor_total, (kind, total)
            assert right / total >= floor_right / floor_total, (with_context, kind, right, total, misses)
