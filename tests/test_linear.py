"""Annotation in time proportional to the text: an article read once as a Context serves every lookup,
and span questions are answered by bisection. These tests hold that the fast paths answer what the
slow ones did."""

from yalu.annotate.spans import reach
from yalu.names import gazetteer
from yalu.names.context import Context, as_context

ARTICLE = ("흑룡강항태(恒泰)건설그룹과 필정(毕政) 사장이 만났다. 료녕성 조양시 조양(朝阳)에서 열린 회의에는 "
           "가목사시와 쌍압산시의 대표들도 참석했다.")


def test_a_context_indexes_the_hanzi_printed_after_a_reading_and_remembers_what_it_was_asked():
    context = Context(ARTICLE)
    assert context == ARTICLE and isinstance(context, str)
    assert [h for _, h in context.printed("항태")] == ["恒泰"]          # the end of a longer run of Hangul
    assert context.printed("필정") == [("필정(毕政)", "毕政")]
    assert context.printed("흑룡강") == []                             # not right before the bracket
    assert "가목사시" in context and "가목사시" in context and "하얼빈" not in context
    assert context._contains == {"가목사시": True, "하얼빈": False}
    assert as_context(context) is context and as_context(None) is None


def test_lookups_in_a_context_rank_as_in_the_plain_text():
    context = Context(ARTICLE)
    for query in ("필정", "조양", "항태", "가목사", "쌍압산", "화평구", "습근평"):
        plain = [(c.hanzi, c.code, round(c.confidence, 3)) for c in gazetteer.lookup(query, context=ARTICLE)]
        fast = [(c.hanzi, c.code, round(c.confidence, 3)) for c in gazetteer.lookup(query, context=context)]
        assert fast == plain, query
    assert gazetteer.lookup("필정", context=context)[0].hanzi == "毕政"


def test_reach_tells_offsets_and_spans_inside_others():
    spans = [(10, 20), (12, 14), (30, 35)]
    at = reach(spans)
    inside = [offset for offset in range(40) if at(offset) > offset]
    assert inside == [o for o in range(40) if any(a <= o < b for a, b in spans)]
    assert at(15) >= 18 and not at(25) >= 26 and at(5) == -1
