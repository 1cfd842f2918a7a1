"""The spelling engine on the hand-marked real-text gold (tests/gold/realtext/): the gold is consistent
with its pages, and the engine holds the figures it reached. Issue 10's bars (T1 P 0.99 R 0.90, T2 P
0.98) are not met yet; these floors keep what was won from slipping back."""

FLOORS = {"T1": (0.99, 0.90), "T2": (0.98, 0.30)}


def test_the_gold_rows_sit_where_they_say(script):
    gold = script("tests/eval_realtext_gold.py")
    pages, rows, _ = gold.load_gold()
    assert len(pages) >= 40 and len(rows) > 1000
    assert gold.check(pages, rows, gold.load_pages()) == []


def test_real_text_precision_and_recall_hold(script):
    scores = script("tests/eval_realtext_gold.py").evaluate()
    for tier, (precision, recall) in FLOORS.items():
        found, right = scores["found"][tier], scores["found_right"][tier]
        gold, caught = scores["gold"][tier], scores["gold_right"][tier]
        assert right / found >= precision, (tier, right, found)
        assert caught / gold >= recall, (tier, caught, gold)
