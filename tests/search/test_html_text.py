"""The text documents index from rich text: tags and white space, however they run, read as
one space between words, and the text itself is kept as written."""

import re

from hypothesis import given
from hypothesis import strategies as st

from search.analysis import strip_html

PIECES = st.sampled_from(["<p>", "</p>", "<br/>", "<a href=\"/x\">", " ", "\n", "\t", "\u00a0",
                          "\u2003", "\x1c", "žodis", "a", "&amp;", "<", ">", "1"])


@given(st.lists(PIECES, max_size=40).map("".join))
def test_a_run_of_tags_and_white_space_reads_as_one_space(html):
    text = strip_html(html)
    assert text == text.strip()
    assert not re.search(r"\s\s", text)
    assert re.sub(r"\s+", "", text) == re.sub(r"<[^>]+>|\s+", "", html)


def test_rich_text_from_an_import():
    html = "<p>Vaikų\u00a0dienos <b>centras</b></p>\n<ul><li>Alytus</li><li>Kaunas</li></ul>"
    assert strip_html(html) == "Vaikų dienos centras Alytus Kaunas"
    assert strip_html("") == strip_html(None) == ""
