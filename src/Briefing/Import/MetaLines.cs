using System.Globalization;
using System.Text.RegularExpressions;

namespace Briefing.Import;

/// <summary>Recognises date lines ("December 14, 2023") and bylines ("By Jane Doe – Outlet – November 8, 2022").</summary>
internal static partial class MetaLines
{
    private const string Months = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

    public sealed record Byline(string Author, string? Published, IReadOnlyList<string> Extras);

    /// <summary>
    /// A line that is only a date, possibly with a weekday, a time, a time zone and a label such as
    /// "Published:" or "Updated": the date as YYYY-MM-DD.
    /// </summary>
    public static string? DateLine(string text)
    {
        if (text.Length > 80) return null;
        var found = FindDate(text);
        if (found is null) return null;
        var rest = text.Remove(found.Value.Index, found.Value.Length);
        return DateRemainder().IsMatch(rest) ? found.Value.Iso : null;
    }

    /// <summary>A byline: "By Name", optionally followed by "in Place" and by parts such as the outlet and a date.</summary>
    public static Byline? ParseByline(string text)
    {
        if (text.Length > 150) return null;
        var m = BylineRegex().Match(text);
        if (!m.Success) return null;
        var author = m.Groups["name"].Value.Trim();
        var rest = m.Groups["rest"].Value;
        string? published = null;
        if (FindDate(rest) is { } date)
        {
            published = date.Iso;
            rest = rest.Remove(date.Index, date.Length);
        }
        var extras = BylineSeparator().Split(rest).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        // A byline's other parts are short names (an outlet, a role, a city), never a sentence.
        if (extras.Any(p => LineText.WordCount(p) > 6 || LineText.EndsLikeSentence(p))) return null;
        if (m.Groups["place"].Success) extras.Insert(0, "in " + m.Groups["place"].Value.Trim());
        return new Byline(author, published, extras);
    }

    /// <summary>An ISO date (YYYY-MM-DD) at the start of a metadata value such as "2023-12-14T08:00:00+08:00".</summary>
    public static string? IsoPrefix(string? value)
    {
        if (value is null) return null;
        var m = IsoDate().Match(value.Trim());
        return m.Success && m.Index == 0 ? Iso(m.Groups["year"].Value, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), m.Groups["d"].Value) : null;
    }

    private readonly record struct Found(int Index, int Length, string Iso);

    private static Found? FindDate(string text)
    {
        foreach (var regex in (Regex[])[MonthFirst(), DayFirst()])
        {
            var m = regex.Match(text);
            if (!m.Success) continue;
            var month = MonthNumber(m.Groups["month"].Value);
            if (Iso(m.Groups["year"].Value, month, m.Groups["day"].Value) is { } iso) return new Found(m.Index, m.Length, iso);
        }
        foreach (var regex in (Regex[])[IsoDate(), VietnameseDate()])
        {
            var m = regex.Match(text);
            if (m.Success && Iso(m.Groups["year"].Value, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), m.Groups["d"].Value) is { } iso)
                return new Found(m.Index, m.Length, iso);
        }
        return null;
    }

    private static int MonthNumber(string name)
    {
        var key = name.ToLowerInvariant();
        string[] months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        for (var i = 0; i < months.Length; i++)
            if (key.StartsWith(months[i], StringComparison.Ordinal)) return i + 1;
        return 0;
    }

    private static string? Iso(string year, int month, string day)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ||
            !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)) return null;
        if (y is < 1900 or > 2100 || month is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, month)) return null;
        return new DateOnly(y, month, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?i)\b(?<month>" + Months + @")\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})\b")]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"(?i)\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>" + Months + @")\.?,?\s+(?<year>\d{4})\b")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"\b(?<year>\d{4})-(?<m>\d{2})-(?<d>\d{2})")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?i)\bngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})(?:\s+năm|,)\s+(?<year>\d{4})\b")]
    private static partial Regex VietnameseDate();

    /// <summary>What may stand beside the date on a date line: labels, a weekday, a time, a time zone, separators.</summary>
    [GeneratedRegex(@"(?i)^(?:[\s,|·•–—\-:()]|\b(?:first published|last updated|published|updated|posted|date|on|at|ngày đăng|cập nhật|đăng|publié le|mis à jour le|veröffentlicht(?: am)?|aktualisiert(?: am)?|monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thu|friday|fri|saturday|sat|sunday|sun|thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|gmt|utc|hkt|ict|sgt|edt|est|cet|cest|bst|[ap]\.?m\.?)\b|\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?|[+-]\d{1,2}(?::?\d{2})?)*$")]
    private static partial Regex DateRemainder();

    [GeneratedRegex(@"^(?i:by|written by|reporting by|par|von|bởi|author:|tác giả:)\s+(?<name>\p{Lu}[\p{L}’'.\-]*(?:(?:\s+(?:and|&|van|von|de|der|den|da|di|du|la|le|bin|al)\s+|\s+)\p{Lu}[\p{L}’'.\-]*){1,6})(?:\s+in\s+(?<place>\p{Lu}[\p{L}\s]{1,40}?))?(?<rest>\s*(?:[–—|•·,;]|\s-\s).*)?$")]
    private static partial Regex BylineRegex();

    [GeneratedRegex(@"\s*(?:[–—|•·,;]|\s-\s)\s*")]
    private static partial Regex BylineSeparator();
}
