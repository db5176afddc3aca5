"""The key words a duty and a plan's line are compared by (audit/trace/words.py): what they are
about, with the plans' boilerplate left out, keeping the words folding would confuse with it."""

from __future__ import annotations

from audit.trace.words import key_words


def test_a_content_word_that_folds_to_a_function_word_is_kept():
    # "cửa" folds to "cua" (của), "tử" to "tu" (từ), "cộng" to "cong" (công tác)
    assert key_words("Bộ phận Một cửa") == {"bộ_phận_một_cửa"}
    assert {"điện", "tử"} <= key_words("Trang thông tin điện tử của xã")
    assert {"cộng", "đồng", "tổ", "công", "nghệ", "số"} <= key_words("Tổ công nghệ số cộng đồng")


def test_boilerplate_goes_as_phrases_not_as_syllables():
    assert key_words("Tổ chức công tác tuyên truyền cải cách hành chính") == frozenset()
    assert key_words("Công khai thủ tục hành chính") == {"công", "khai", "thủ", "tục", "hành", "chính"}
    assert "số" not in key_words("một số nội dung") and "số" in key_words("chuyển đổi số")


def test_abbreviations_are_written_out_and_synonyms_meet():
    assert key_words("Niêm yết TTHC") == key_words("Niêm yết thủ tục hành chính")
    assert key_words("tại Phòng một cửa") == key_words("tại Bộ phận Tiếp nhận và Trả kết quả")
    assert key_words("ở từng thôn, ấp") == {"khu_dân_cư"}


def test_words_of_one_letter_say_nothing():
    assert key_words("Xã A, b2 và thủ tục 1 đ") == {"b2", "thủ", "tục"}
