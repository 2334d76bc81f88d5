import polars as pl

from transforms.links import link_articles


def _mentions(rows):
    return pl.DataFrame(rows, schema={"article_id": pl.String, "actor_id": pl.String}, orient="row")


def test_articles_sharing_two_actors_are_linked():
    links = link_articles(
        _mentions(
            [
                ("a", "irak"),
                ("a", "khalaf"),
                ("a", "etats-unis"),
                ("b", "irak"),
                ("b", "etats-unis"),
                ("c", "irak"),
                ("c", "psg"),
                ("c", "lyon"),
                ("c", "mbappe"),
            ]
        )
    )
    # a and b: 2 shared of 3 actors; a and c share only Irak
    assert links.select("article_id_a", "article_id_b", "n_shared").rows() == [("a", "b", 2)]
    assert abs(links["actor_jaccard"][0] - 2 / 3) < 1e-9


def test_no_mentions_no_links():
    assert link_articles(_mentions([])).is_empty()


def test_an_actor_named_everywhere_counts_only_for_pairs_found_through_another(monkeypatch):
    """`France` is named in every article: it makes no pair by itself, but counts as a shared actor of a pair
    that shares a rarer one (a and b: Macron and France). Pairs are counted one article at a time."""
    from transforms import links

    monkeypatch.setattr(links, "MAX_ARTICLES_PER_ACTOR", 2)
    monkeypatch.setattr(links, "_CHUNK", 1)
    rows = [("a", "france"), ("a", "macron"), ("b", "france"), ("b", "macron"), ("c", "france"), ("c", "psg")]
    found = links.link_articles(_mentions(rows))
    # a-b: France and Macron shared (2 of 2 actors); a-c and b-c share France only, a frequent actor
    assert found.select("article_id_a", "article_id_b", "n_shared", "actor_jaccard").rows() == [("a", "b", 2, 1.0)]
