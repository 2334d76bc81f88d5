import polars as pl

from transforms.events import classes_with, event_classes, event_ids


def test_one_key_is_one_event_per_story_transitively():
    claims = pl.DataFrame(
        {
            "claim_id": ["c1", "c2", "c3", "c4", "c5", "c6"],
            "article_id": ["a", "b", "c", "d", "a", "a"],
            "event_key": ["tuer|homme", "tuer|homme", "tuer|homme", "tuer|homme", "tuer|homme", "fuir|homme"],
        }
    )
    # a–b and b–c tell one story; d is another story
    links = pl.DataFrame({"article_id_a": ["a", "b"], "article_id_b": ["b", "c"]})
    ids = dict(event_ids(claims, links).iter_rows())
    assert ids["c1"] == ids["c2"] == ids["c3"] == ids["c5"]  # a and c are linked through b
    assert ids["c4"] != ids["c1"]  # the same kind of event in an unrelated story
    assert ids["c6"] != ids["c1"]  # another key in the same story


def test_event_ids_do_not_depend_on_row_or_link_order():
    claims = pl.DataFrame({"claim_id": ["c1", "c2"], "article_id": ["b", "a"], "event_key": ["k|t", "k|t"]})
    forward = event_ids(claims, pl.DataFrame({"article_id_a": ["a"], "article_id_b": ["b"]}))
    backward = event_ids(claims.reverse(), pl.DataFrame({"article_id_a": ["a"], "article_id_b": ["b"]}))
    assert dict(forward.iter_rows()) == dict(backward.iter_rows())
    assert event_ids(claims.clear(), forward.clear()).is_empty()


def test_event_classes_lexicon():
    table = event_classes()
    assert table.columns == ["event_class", "casualty", "counted", "tallied", "once", "light"]
    assert table["event_class"].n_unique() == table.height
    assert classes_with("casualty") == {"tuer", "blesser"}
    # a tallied count is a counted one; a casualty is counted
    assert classes_with("tallied") <= classes_with("counted")
    assert classes_with("casualty") <= classes_with("counted")
    assert "commencer" in classes_with("once") and "commencer" not in classes_with("counted")
