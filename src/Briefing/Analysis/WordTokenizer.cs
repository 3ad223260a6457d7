using System.Globalization;
using System.Text;

namespace Briefing.Analysis;

/// <summary>One word of a paragraph: its normalised form and where it sits in the original text.</summary>
/// <param name="Word">The normalised word (see <see cref="WordTokenizer"/>); never empty.</param>
/// <param name="Start">Index of the word's first character in the original paragraph.</param>
/// <param name="End">Index just past the word's last character in the original paragraph.</param>
internal readonly record struct WordToken(string Word, int Start, int End);

/// <summary>Where a word is in its paragraph: characters [Start, End).</summary>
internal readonly record struct WordSpan(int Start, int End);

/// <summary>
/// Splits text into normalised words, keeping each word's position in the original text.
/// </summary>
/// <remarks>
/// <para>Normalisation makes two copies of the same wire text compare equal whatever their
/// house style or the way they were captured:</para>
/// <list type="bullet">
/// <item>Letters, combining marks and digits make words; everything else separates them
/// (white space, punctuation, symbols, and every dash: hyphen, en and em dash, minus).
/// So "China–Vietnam", "China-Vietnam" and "China - Vietnam" are the same two words.</item>
/// <item>Apostrophes and single quotes (' ‘ ’ ʼ ′ ` ´) and invisible format characters
/// (soft hyphen, zero-width joiners) are dropped without splitting a word, so "Xi’s",
/// "Xi's" and "Xis" are the same word and a quote mark next to a word is ignored.</item>
/// <item>A full stop between two word characters ("U.S.") and a comma between two digits
/// ("10,000") are dropped without splitting, so "U.S." and "US" compare equal.</item>
/// <item>Compatibility forms are folded: full-width Latin letters and digits to ASCII,
/// the Latin ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ to their letters.</item>
/// <item>Latin diacritics are removed (the equivalent of NFKD followed by dropping combining
/// marks, for Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional, plus
/// đ→d, ø→o, ł→l, ß→ss, æ→ae, œ→oe, þ→th…), so precomposed "Nguyễn", decomposed
/// "Nguye&#x303;&#x302;n" and the English-press "Nguyen" are one word.</item>
/// <item>Everything is lower-cased (invariant culture).</item>
/// </list>
/// <para>Why a table and not <see cref="string.Normalize(NormalizationForm)"/>: the text is
/// already NFC when it is read (<see cref="Text.Nfc"/>), and dropping diacritics is a fold that no
/// normalisation form makes (đ, ø, ł and ß do not decompose). The table gives the same words
/// on every machine, whatever version of ICU it has.</para>
/// </remarks>
internal static class WordTokenizer
{
    /// <summary>Splits <paramref name="text"/> into normalised words in order.</summary>
    public static WordToken[] Tokenize(string text)
    {
        var sink = new TokenSink { Tokens = [] };
        Scan(text, ref sink);
        return [.. sink.Tokens];
    }

    /// <summary>
    /// The same words as <see cref="Tokenize"/>, as their <see cref="StableHash.Word"/> hashes and character spans,
    /// without making a string per word (the text-reuse index needs only these).
    /// </summary>
    public static void TokenizeHashed(string text, List<ulong> hashes, List<WordSpan> spans)
    {
        var sink = new HashSink(hashes, spans);
        Scan(text, ref sink);
    }

    /// <summary>Receives the folded characters of each word, then the word's span.</summary>
    private interface ISink
    {
        void Append(char c);
        void Word(int start, int end);
    }

    private struct TokenSink : ISink
    {
        public List<WordToken> Tokens;
        private StringBuilder? _word;
        public void Append(char c) => (_word ??= new StringBuilder()).Append(c);
        public void Word(int start, int end)
        {
            Tokens.Add(new WordToken(_word!.ToString(), start, end));
            _word.Clear();
        }
    }

    /// <summary>Hashes each word as its characters arrive (the same value as <see cref="StableHash.Word(string)"/>).</summary>
    private struct HashSink(List<ulong> hashes, List<WordSpan> spans) : ISink
    {
        private ulong _hash = StableHash.Start;
        public void Append(char c) => _hash = StableHash.Add(_hash, c);
        public void Word(int start, int end)
        {
            hashes.Add(_hash);
            spans.Add(new WordSpan(start, end));
            _hash = StableHash.Start;
        }
    }

    private static void Scan<TSink>(string text, ref TSink sink) where TSink : struct, ISink
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = -1; // start of the current word, -1 when outside a word
        int end = -1;   // end of the last word character of the current word
        int length = 0; // folded characters of the current word

        int i = 0;
        while (i < text.Length)
        {
            // the common case first: an ASCII letter or digit inside or starting a word
            char c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (start < 0) start = i;
                int from = i;
                do
                {
                    sink.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
                }
                while (++i < text.Length && char.IsAsciiLetterOrDigit(c = text[i]));
                length += i - from;
                end = i;
                continue;
            }
            // an ASCII character is never half of a surrogate pair
            int width = c >= 0x80 && char.IsSurrogatePair(text, i) ? 2 : 1;
            switch (Classify(text, i))
            {
                case CharClass.Word:
                    if (start < 0)
                    {
                        start = i;
                    }
                    length += AppendFolded(ref sink, text, i, width);
                    end = i + width;
                    break;
                case CharClass.Joiner:
                    break; // dropped; neither starts nor ends a word
                case CharClass.InnerJoiner:
                    if (start >= 0 && end == i && i + 1 < text.Length && IsJoinableNeighbour(text, i))
                    {
                        break; // "U.S", "10,000": dropped inside a word
                    }
                    Flush(ref sink);
                    break;
                default:
                    Flush(ref sink);
                    break;
            }
            i += width;
        }
        Flush(ref sink);

        void Flush(ref TSink sink)
        {
            if (start >= 0 && length > 0)
            {
                sink.Word(start, end);
            }
            start = -1;
            end = -1;
            length = 0;
        }
    }

    public static string[] Words(string text) => Array.ConvertAll(Tokenize(text), t => t.Word);

    private enum CharClass { Word, Joiner, InnerJoiner, Separator }

    private static CharClass Classify(string text, int i)
    {
        char c = text[i];
        if (char.IsAsciiLetterOrDigit(c))
        {
            return CharClass.Word;
        }
        switch (c)
        {
            case '\'': case '\u2018': case '\u2019': case '\u02BC': case '\u02B9':
            case '\u2032': case '`': case '\u00B4': case '\uFF07':
                return CharClass.Joiner;
            case '.': case ',':
                return CharClass.InnerJoiner;
            case '\u200B': // zero-width space separates words
                return CharClass.Separator;
        }
        if (c < 0x80)
        {
            return CharClass.Separator; // ASCII space, punctuation, symbols, controls
        }
        var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
                or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
                or UnicodeCategory.OtherNumber => CharClass.Word,
            UnicodeCategory.Format => CharClass.Joiner,
            _ => CharClass.Separator,
        };
    }

    // '.' joins two word characters; ',' joins two digits.
    private static bool IsJoinableNeighbour(string text, int i)
    {
        if (Classify(text, i + 1) != CharClass.Word)
        {
            return false;
        }
        if (text[i] == '.')
        {
            return true;
        }
        return char.IsDigit(text, i - 1) && char.IsDigit(text, i + 1);
    }

    /// <summary>Appends the folded form of the character at <paramref name="i"/>; returns how many characters that is.</summary>
    private static int AppendFolded<TSink>(ref TSink sink, string text, int i, int width) where TSink : struct, ISink
    {
        if (width == 2)
        {
            sink.Append(text[i]); // outside the BMP: kept as is
            sink.Append(text[i + 1]);
            return 2;
        }
        char c = text[i];
        if (c < 0x80)
        {
            sink.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
            return 1;
        }
        if (c is >= '\u0300' and <= '\u036F')
        {
            return 0; // combining diacritical mark: dropped (decomposed accents)
        }
        if (c is >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A')
        {
            sink.Append(char.ToLowerInvariant((char)(c - 0xFEE0)));
            return 1;
        }
        if (LatinFold.TryFold(c, out string? folded))
        {
            foreach (var f in folded) sink.Append(f);
            return folded.Length;
        }
        sink.Append(char.ToLowerInvariant(c));
        return 1;
    }
}
