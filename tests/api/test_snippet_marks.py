"""A search hit's snippet keeps the engine's <mark> tags and nothing else of markup, whatever
the page's text holds."""

import re
from html import escape, unescape

from hypothesis import given
from hypothesis import strategies as st

from cms.api.search_schemas import only_marks

PIECES = st.sampled_from(["<mark>", "</mark>", "&", "&amp;", "&lt;", "&lt;mark&gt;", "&quot;",
                          "&#x27;", "<", ">", '"', "'", "<script>", "a", "ą", " ", "„"])
SNIPPETS = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=12).map("".join)
MARKS = re.compile(r"</?mark>")


@given(SNIPPETS)
def test_a_snippet_keeps_its_text_and_marks_and_escapes_the_rest(snippet):
    shown = only_marks(snippet)
    assert MARKS.findall(shown) == MARKS.findall(snippet)
    texts = MARKS.split(shown)
    assert all(escape(unescape(text)) == text for text in texts)  # every text escaped
    assert list(map(unescape, texts)) == list(map(unescape, MARKS.split(snippet)))
    assert only_marks(shown) == shown


def test_an_escaped_tag_in_the_text_stays_text():
    assert only_marks("&lt;mark&gt; <mark>x</mark> <b>") == "&lt;mark&gt; <mark>x</mark> &lt;b&gt;"
    assert only_marks("Pagalba <mark>namus</mark>") == "Pagalba <mark>namus</mark>"
