using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Briefing.Import;

/// <summary>Small tests on a line's text used by the importer.</summary>
internal static partial class LineText
{
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or", "over",
        "per", "the", "to", "up", "via", "vs", "vs.", "with",
    };

    /// <summary>Ends with any punctuation mark: . ! ? … : ; , or a closing quote or bracket.</summary>
    public static bool EndsWithPunctuation(string text) =>
        text.Length > 0 && ".!?…:;,\"”’'»)]".Contains(text[^1]);

    /// <summary>Ends like a sentence: . ! ? … : ; possibly followed by closing quotes or brackets.</summary>
    public static bool EndsLikeSentence(string text)
    {
        var t = text.TrimEnd('"', '”', '’', '\'', '»', ')', ']');
        return t.Length > 0 && ".!?…:;".Contains(t[^1]);
    }

    public static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>The same line, ignoring runs of white space and letter case.</summary>
    public static bool SameLine(string a, string b) =>
        string.Equals(CollapseWhitespace(a), CollapseWhitespace(b), StringComparison.OrdinalIgnoreCase);

    public static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>
    /// Title case: every word but the small ones (of, and, the …) starts with a capital letter or a digit,
    /// the first word too, and there is at least one capitalised word.
    /// </summary>
    public static bool IsTitleCase(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var capitalised = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i].TrimStart('“', '‘', '"', '\'', '(', '[', '«');
            if (w.Length == 0) continue;
            if (i > 0 && SmallWords.Contains(w)) continue;
            var c = w[0];
            if (char.IsUpper(c)) capitalised++;
            else if (!char.IsDigit(c)) return false;
        }
        return capitalised > 0;
    }

    /// <summary>A bullet marker at the start of the line: the item's text, or null.</summary>
    public static string? BulletText(string text)
    {
        var m = Bullet().Match(text);
        return m.Success ? m.Groups[1].Value : null;
    }

    // Latin letters with diacritics (Latin-1, Extended-A/B, Vietnamese) and their base letters. A table, so that an
    // imported article's slug is the same on every machine, whatever version of ICU it has.
    private static readonly string Accented =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵ" +
        "ĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻ" +
        "ȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷ" +
        "ḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạ" +
        "ẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ";
    private static readonly string Bases =
        "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijj" +
        "kkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaa" +
        "aaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyyaabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkll" +
        "llllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyaa" +
        "aaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy";
    private static readonly Dictionary<char, char> BaseLetter = Accented.Zip(Bases).ToDictionary(p => p.First, p => p.Second);

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens ("Xi’s visit to Hà Nội" → "xis-visit-to-ha-noi").</summary>
    public static string Slugify(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var c = ch switch { 'đ' or 'Đ' => 'd', 'ø' or 'Ø' => 'o', 'ł' or 'Ł' => 'l', 'ß' => 's', 'æ' or 'Æ' => 'a', 'œ' or 'Œ' => 'o', _ => ch };
            c = BaseLetter.GetValueOrDefault(c, c);
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue; // combining accents
            if (c is '\'' or '’' or 'ʼ' or '‘') continue; // "Xi’s" → "xis", not "xi-s"
            c = char.ToLowerInvariant(c);
            sb.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        }
        return Hyphens().Replace(sb.ToString(), "-").Trim('-');
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:[•▪●◦‣·*+]|-(?!-))\s+(\S.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}
