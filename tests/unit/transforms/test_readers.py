import gzip
import json

from hypothesis import given
from hypothesis import strategies as st

from transforms.readers import read_input

TEXT = "Le ministre a annoncé mardi un plan de relance pour les entreprises touchées par la crise."


def test_json_object_field_mapping():
    obj = {
        "ID": 7,
        "Headline": "Plan de relance",
        "published_at": "2021-03-09T10:00:00Z",
        "source": {"name": "Le Monde"},
        "content": TEXT,
        "link": "https://exemple.fr/a",
    }
    (record,) = read_input("one.json", json.dumps(obj).encode())
    assert record.reason is None
    assert record.meta == {
        "title": "Plan de relance",
        "date": "2021-03-09",
        "outlet": "Le Monde",
        "external_id": "7",
        "url": "https://exemple.fr/a",
    }
    assert record.text.endswith(TEXT)


def test_json_list_gives_one_record_each():
    items = [{"text": TEXT}, {"text": TEXT.replace("mardi", "jeudi")}]
    records = read_input("many.json", json.dumps(items).encode())
    assert [r.source_uri for r in records] == ["many.json#1", "many.json#2"]


def test_jsonl_broken_line_is_quarantined_alone():
    lines = [json.dumps({"text": TEXT}), "{broken", "", json.dumps({"title": "sans texte"})]
    records = read_input("feed.jsonl", "\n".join(lines).encode())
    assert [(r.source_uri, r.reason) for r in records] == [
        ("feed.jsonl#1", None),
        ("feed.jsonl#2", "undecodable"),
        ("feed.jsonl#4", "not_a_dispatch"),
    ]


def test_gzip_is_transparent_and_named_after_the_file():
    (record,) = read_input("a.txt.gz", gzip.compress(TEXT.encode("utf-8")))
    assert (record.source_uri, record.text) == ("a.txt.gz", TEXT)
    records = read_input("f.jsonl.gz", gzip.compress(json.dumps({"text": TEXT}).encode()))
    assert records[0].source_uri == "f.jsonl.gz#1"


def test_gzip_bomb_is_too_large():
    (record,) = read_input("bomb.txt.gz", gzip.compress(b"a" * 200_000), max_bytes=1000)
    assert record.reason == "too_large"


def test_unsupported_type_is_not_a_dispatch():
    (record,) = read_input("photo.jpg", b"\xff\xd8\xff")
    assert record.reason == "not_a_dispatch"


@given(st.binary(max_size=1500), st.sampled_from(["a.txt", "a.json", "a.jsonl", "a.html", "a.txt.gz", "a.bin"]))
def test_never_raises_on_arbitrary_bytes(raw, name):
    for record in read_input(name, raw, max_bytes=10_000):
        assert (record.text is None) == (record.reason is not None)


def test_json_nested_past_the_recursion_limit_is_undecodable():
    deep = b"[" * 100_000 + b"]" * 100_000
    (record,) = read_input("deep.json", deep)
    assert record.reason == "undecodable" and "nested" in record.detail
    records = read_input("feed.jsonl", json.dumps({"text": TEXT}).encode() + b"\n" + deep)
    assert [(r.source_uri, r.reason) for r in records] == [("feed.jsonl#1", None), ("feed.jsonl#2", "undecodable")]


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=30),
        lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
        max_leaves=30,
    ),
    st.sampled_from(["a.json", "a.jsonl"]),
)
def test_never_raises_on_arbitrary_json(value, name):
    raw = json.dumps(value).encode()
    for record in read_input(name, raw, max_bytes=10_000):
        assert (record.text is None) == (record.reason is not None)
        assert record.source_uri.startswith(name)
