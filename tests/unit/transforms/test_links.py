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
