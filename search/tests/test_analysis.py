from __future__ import annotations

import pytest

from search import analysis, khmer


class TestNormalise:
    def test_zero_width_characters_and_soft_hyphens_are_removed(self):
        assert khmer.normalise("ស\u200bុំ\u200c\u200d\ufeff\u00ad") == "សុំ"

    def test_marks_typed_in_any_order_compare_equal(self):
        # nikahit before the vowel u, and coeng ro before another subscript
        assert khmer.normalise("ក\u17c6\u17bb") == khmer.normalise("ក\u17bb\u17c6")
        assert (
            khmer.normalise("ស\u17d2\u179a\u17d2\u178f\u17b8") == "ស\u17d2\u178f\u17d2\u179a\u17b8"
        )

    def test_legacy_and_variant_spellings_are_mapped(self):
        assert khmer.normalise("ស្ដ") == "ស្ត"  # coeng da → coeng ta
        assert khmer.normalise("\u17a3") == "\u17a2"
        assert khmer.normalise("ក\u17c1\u17b8") == "ក\u17be"  # e + ii typed in two parts

    def test_khmer_digits_become_ascii(self):
        assert khmer.normalise("១២៣") == "123"

    def test_text_outside_the_basic_plane_does_not_break_segmentation(self):
        assert [w for w, _s, _e in khmer.words(khmer.normalise("😀ផ្សារ"))] == ["ផ្សារ"]


class TestSegmentation:
    def test_khmer_without_spaces_is_split_into_words(self):
        words = [w for w, _s, _e in khmer.words("ខ្ញុំចង់ស្នើសុំលិខិតឆ្លងដែន")]
        assert words[:3] == ["ខ្ញុំ", "ចង់", "ស្នើសុំ"]

    def test_offsets_point_into_the_text(self):
        text = "ផ្សារ Market"
        assert [text[s:e] for _w, s, e in khmer.words(text)] == ["ផ្សារ", "Market"]


class TestRomanisation:
    @pytest.mark.parametrize(
        ("khmer_name", "spelling"),
        [
            ("បាត់ដំបង", "battambang"),
            ("សៀមរាប", "siem reap"),
            ("កំពង់ចាម", "kampong cham"),
            ("ឃុំ", "khum"),
            ("ភ្នំពេញ", "phnom penh"),
        ],
    )
    def test_place_names_and_admin_words_come_from_the_lexicon(self, khmer_name, spelling):
        assert spelling in khmer.romanise(khmer.normalise(khmer_name))

    def test_a_compound_is_romanised_name_by_name(self):
        assert khmer.romanise(khmer.normalise("ខេត្តបាត់ដំបង"))[0] == "khet battambang"

    def test_unknown_words_follow_the_rules(self):
        assert khmer.romanise_by_rules("សង្កាត់") == "sangkat"
        assert khmer.romanise_by_rules("ស្រុក") == "srok"


class TestTerms:
    def test_latin_is_folded_and_stemmed(self):
        assert analysis.index_terms("Kâmpóng Offices") == "kampong offic"

    def test_khmer_words_carry_their_clusters(self):
        assert analysis.index_terms("ស្នើសុំ").split() == ["ស្នើសុំ", "ស្នើ", "សុំ"]

    def test_a_compound_also_gives_the_names_it_is_made_of(self):
        terms = analysis.index_terms("ខេត្តបាត់ដំបង").split()
        assert {"ខេត្តបាត់ដំបង", "ខេត្ត", "បាត់ដំបង", "khet", "battambang"} <= set(terms)

    def test_titles_carry_romanised_names_with_and_without_spaces(self):
        terms = analysis.index_terms("កំពង់ចាម", romanised=True).split()
        assert {"kampong", "cham", "kampongcham"} <= set(terms)

    def test_the_query_is_analysed_like_the_documents(self):
        query = analysis.parse_query("Passports in ភ្នំពេញ")
        assert [t.term for t in query.terms] == ["passport", "ភ្នំពេញ"]
        assert query.terms[1].clusters == ("ភ្នំ", "ពេ", "ញ")

    @pytest.mark.parametrize(
        "raw",
        [
            "",
            "   ",
            "x" * 10_000,
            '" OR 1=1; -- NEAR(a b) title:*',
            "\u200b\u200c",
            "ab\x00cd",
            "🙂",
        ],
    )
    def test_any_string_gives_a_query(self, raw):
        query = analysis.parse_query(raw)
        assert len(query.text) <= analysis.MAX_QUERY_LENGTH
        assert all(" " not in t.term and '"' not in t.term for t in query.terms)
