using Briefing.Analysis;

namespace Briefing.Tests.Analysis;

public sealed class WordTokenizerTests
{
    [Fact]
    public void Words_are_lower_cased_and_punctuation_is_dropped()
    {
        Assert.Equal(["china", "and", "vietnam", "agreed", "today"], WordTokenizer.Words("China and Vietnam agreed (today)!"));
    }

    [Fact]
    public void Typographic_and_straight_apostrophes_give_the_same_word()
    {
        Assert.Equal(WordTokenizer.Words("Xi's visit"), WordTokenizer.Words("Xi’s visit"));
        Assert.Equal(WordTokenizer.Words("Xi's visit"), WordTokenizer.Words("Xiʼs visit"));
        Assert.Equal(["xis", "visit"], WordTokenizer.Words("Xi’s visit"));
    }

    [Fact]
    public void Quote_marks_around_words_are_ignored()
    {
        Assert.Equal(["colour", "revolution"], WordTokenizer.Words("“colour revolution”"));
        Assert.Equal(["colour", "revolution"], WordTokenizer.Words("‘colour revolution’"));
        Assert.Equal(["colour", "revolution"], WordTokenizer.Words("\"colour revolution\""));
    }

    [Fact]
    public void Every_kind_of_dash_separates_words()
    {
        string[] expected = ["china", "vietnam", "ties"];
        Assert.Equal(expected, WordTokenizer.Words("China-Vietnam ties"));
        Assert.Equal(expected, WordTokenizer.Words("China–Vietnam ties"));
        Assert.Equal(expected, WordTokenizer.Words("China—Vietnam ties"));
        Assert.Equal(expected, WordTokenizer.Words("China \u2212 Vietnam ties"));
    }

    [Fact]
    public void Full_stops_inside_abbreviations_and_commas_inside_numbers_do_not_split()
    {
        Assert.Equal(WordTokenizer.Words("the US and"), WordTokenizer.Words("the U.S. and"));
        Assert.Equal(["10000", "troops"], WordTokenizer.Words("10,000 troops"));
        Assert.Equal(["end", "next"], WordTokenizer.Words("end. Next"));
        Assert.Equal(["a", "b"], WordTokenizer.Words("a, b"));
    }

    [Fact]
    public void Latin_diacritics_fold_to_base_letters_whether_precomposed_or_decomposed()
    {
        string[] expected = ["nguyen", "phu", "trong"];
        Assert.Equal(expected, WordTokenizer.Words("Nguyễn Phú Trọng"));
        Assert.Equal(expected, WordTokenizer.Words("Nguye\u0302\u0303n Phu\u0301 Tro\u0323\u0302ng"));
        Assert.Equal(expected, WordTokenizer.Words("NGUYEN PHU TRONG"));
        Assert.Equal(["dich"], WordTokenizer.Words("Dịch"));
        Assert.Equal(["dinh"], WordTokenizer.Words("Đinh"));
    }

    [Fact]
    public void Compatibility_forms_fold_to_plain_letters()
    {
        Assert.Equal(["officials", "find"], WordTokenizer.Words("ofﬁcials ﬁnd"));
        Assert.Equal(["abc", "123"], WordTokenizer.Words("ＡＢＣ １２３"));
    }

    [Fact]
    public void Soft_hyphens_and_zero_width_joiners_do_not_split_words()
    {
        Assert.Equal(["cooperation"], WordTokenizer.Words("co\u00ADoper\u200Dation"));
    }

    [Fact]
    public void Tokens_point_at_the_original_text()
    {
        const string text = "  “Hostile forces,” Xi’s words.";
        var tokens = WordTokenizer.Tokenize(text);
        Assert.Equal(["hostile", "forces", "xis", "words"], tokens.Select(t => t.Word));
        Assert.Equal(["Hostile", "forces", "Xi’s", "words"], tokens.Select(t => text[t.Start..t.End]));
    }

    [Fact]
    public void Text_without_letters_or_digits_has_no_words()
    {
        Assert.Empty(WordTokenizer.Tokenize(" — … “ ” ! "));
        Assert.Empty(WordTokenizer.Tokenize(string.Empty));
    }

    [Fact]
    public void Word_and_shingle_hashes_are_fixed_FNV1a_values()
    {
        // Computed independently (Python): words are FNV-1a 64 over UTF-16 code units, low byte
        // first; a shingle folds the word hashes FNV-1a style and applies the Murmur3 finaliser.
        Assert.Equal(7009754729156662680UL, StableHash.Word("china"));
        Assert.Equal(14695981039346656037UL, StableHash.Word(string.Empty));
        ulong[] words = [StableHash.Word("a"), StableHash.Word("b"), StableHash.Word("c")];
        Assert.Equal(11876002603672112553UL, StableHash.Shingle(words, 0, 3));
    }
}
