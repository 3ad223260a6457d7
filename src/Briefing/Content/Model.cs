using System.Globalization;
using System.Text.RegularExpressions;
using Briefing.Diagnostics;

namespace Briefing.Content;

public enum DatePrecision { Year, Month, Day }

/// <summary>A date known to a day, a month or only a year, as the articles give it.</summary>
public readonly partial record struct PartialDate(int Year, int Month, int Day, DatePrecision Precision) : IComparable<PartialDate>
{
    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")]
    private static partial Regex Shape();

    public static bool TryParse(string text, out PartialDate date)
    {
        date = default;
        var m = Shape().Match(text.Trim());
        if (!m.Success) return false;
        var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (!m.Groups[2].Success) { date = new(y, 1, 1, DatePrecision.Year); return y is >= 1 and <= 9999; }
        var mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12) return false;
        if (!m.Groups[3].Success) { date = new(y, mo, 1, DatePrecision.Month); return true; }
        var d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (d < 1 || d > DateTime.DaysInMonth(y, mo)) return false;
        date = new(y, mo, d, DatePrecision.Day);
        return true;
    }

    /// <summary>
    /// Why a date written in the right shape (YYYY-MM-DD or YYYY-MM) does not exist ("February 2023 has 28 days", "there
    /// is no month 13"), or null when it is not of that shape or does exist.
    /// </summary>
    public static string? Impossible(string text)
    {
        var m = Shape().Match(text.Trim());
        if (!m.Success || !m.Groups[2].Success) return null;
        var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12) return $"there is no month {mo}";
        if (!m.Groups[3].Success || y < 1) return null;
        var d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        var days = DateTime.DaysInMonth(y, mo);
        return d < 1 ? "there is no day 0"
            : d > days ? $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(mo)} {y} has {days} days" : null;
    }

    /// <summary>ISO form at its own precision: 2023, 2023-12, 2023-12-13.</summary>
    public string Iso => Precision switch
    {
        DatePrecision.Year => Year.ToString("0000", CultureInfo.InvariantCulture),
        DatePrecision.Month => $"{Year:0000}-{Month:00}",
        _ => $"{Year:0000}-{Month:00}-{Day:00}",
    };

    /// <summary>Human form at its own precision: 2023, December 2023, 13 December 2023.</summary>
    public string Display => Precision switch
    {
        DatePrecision.Year => Year.ToString(CultureInfo.InvariantCulture),
        DatePrecision.Month => new DateTime(Year, Month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ => new DateTime(Year, Month, Day).ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
    };

    public string PrecisionName => Precision.ToString().ToLowerInvariant();

    /// <summary>Midnight UTC of the first day the date can mean, for feeds and sitemaps.</summary>
    public DateTimeOffset Start => new(Year, Month, Day, 0, 0, 0, TimeSpan.Zero);

    public int CompareTo(PartialDate other) =>
        (Year, Month, Day, (int)Precision).CompareTo((other.Year, other.Month, other.Day, (int)other.Precision));
}

public sealed record SiteConfig
{
    public required string File { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public string BaseUrl { get; init; } = "/";
    public string Language { get; init; } = "en";
    public string Lede { get; init; } = "";
    /// <summary>Where the lede is written (its key's line), for the checks of the citations in it.</summary>
    public SourcePos LedePos { get; init; }
    public IReadOnlyList<Takeaway> Takeaways { get; init; } = [];
    /// <summary>Where 'takeaways' is written (the file when it is not), for the advice on how many there are.</summary>
    public SourcePos TakeawaysPos { get; init; }
    public bool AllowHtml { get; init; }
    /// <summary>How many items a long list shows per page (articles, claims, clusters); site.yml's <c>page_size</c>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;
    /// <summary>How many of the latest articles the Atom feed carries; site.yml's <c>feed_entries</c>.</summary>
    public int FeedEntries { get; init; } = DefaultFeedEntries;
    public const int DefaultPageSize = 20;
    public const int DefaultFeedEntries = 50;
    /// <summary>When the editors last reviewed the briefing as a whole (optional; shown as "Reviewed by the editors on …").</summary>
    public PartialDate? Reviewed { get; init; }
    /// <summary>Who the editors are, and how a reader reports a mistake (Markdown; optional, for the About page).</summary>
    public string Editors { get; init; } = "";
    public string Contact { get; init; } = "";
    /// <summary>Index the built site with Pagefind and show a search box (site.yml's <c>search: true</c>).</summary>
    public bool Search { get; init; }
    public SourcePos SearchPos { get; init; }
}

public sealed record Takeaway(string Text, IReadOnlyList<Located<string>> Articles, SourcePos Pos)
{
    /// <summary>Where the text is written, for the checks of the citations in it.</summary>
    public SourcePos TextPos { get; init; } = Pos;
}

public sealed record Article
{
    public required string Slug { get; init; }
    public required SourcePos Pos { get; init; }
    public required string Title { get; init; }
    public required Located<string>? Source { get; init; }
    public PartialDate? Published { get; init; }
    public string? Author { get; init; }
    /// <summary>How the editors arrived at <see cref="Source"/> when the text does not name the outlet.</summary>
    public string? SourceNote { get; init; }
    /// <summary>How the editors arrived at <see cref="Published"/> when the text gives no calendar date.</summary>
    public string? PublishedNote { get; init; }
    public string? Dek { get; init; }
    public string? Url { get; init; }
    public IReadOnlyList<Located<string>> Topics { get; init; } = [];
    public Located<string>? DerivedFrom { get; init; }
    public bool Draft { get; init; }
    public IReadOnlyList<Located<string>> RedirectFrom { get; init; } = [];
    /// <summary>The Markdown body, as written.</summary>
    public required string Body { get; init; }
    /// <summary>The file line the body starts on (1-based).</summary>
    public required int BodyLine { get; init; }
}

public sealed record KeyPoint(string Text, Located<string>? Topic, Located<string> Quote, SourcePos Pos);
public sealed record ClaimRef(Located<string> Claim, Located<string> Quote, SourcePos Pos);

public sealed record Summary
{
    public required string Slug { get; init; }
    public required SourcePos Pos { get; init; }
    public required string Text { get; init; }
    public string Angle { get; init; } = "";
    public IReadOnlyList<KeyPoint> KeyPoints { get; init; } = [];
    public IReadOnlyList<ClaimRef> Claims { get; init; } = [];
}

public sealed record Topic
{
    public required string Id { get; init; }
    public required SourcePos Pos { get; init; }
    public required string Title { get; init; }
    public int Order { get; init; }
    public string Question { get; init; } = "";
    public required string Body { get; init; }
    public required int BodyLine { get; init; }
}

public sealed record Source
{
    public required string Id { get; init; }
    public required SourcePos Pos { get; init; }
    public required string Name { get; init; }
    public string Kind { get; init; } = "unknown";
    public string? Country { get; init; }
    public string? Url { get; init; }
    public string Note { get; init; } = "";

    public static readonly IReadOnlyList<string> Kinds = ["newspaper", "news-site", "news-agency", "commentary", "magazine", "broadcaster", "government", "unknown"];
}

public sealed record Claim(string Id, Located<string>? Topic, string Text, SourcePos Pos)
{
    /// <summary>When the event the claim reports happened (optional): articles published before it are not counted as not reporting it.</summary>
    public PartialDate? Date { get; init; }
    /// <summary>The day the editors last checked the claim against its sources (<c>checked:</c>), if they say.</summary>
    public PartialDate? Checked { get; init; }
}

public sealed record TimelineEvent(PartialDate Date, string Title, string Text, IReadOnlyList<Located<string>> Articles, SourcePos Pos)
{
    /// <summary>The topics the event belongs to; when empty, an event shows on the topics of its articles.</summary>
    public IReadOnlyList<Located<string>> Topics { get; init; } = [];
    /// <summary>Where the text is written, for the checks of the citations in it.</summary>
    public SourcePos TextPos { get; init; } = Pos;
}

public sealed record GlossaryEntry
{
    public required string Id { get; init; }
    public required SourcePos Pos { get; init; }
    public required string Name { get; init; }
    public string Kind { get; init; } = "term";
    public string? Role { get; init; }
    /// <summary>When the role was held, as the articles give it (optional): shown "(as of December 2023)".</summary>
    public PartialDate? AsOf { get; init; }
    public string? NativeName { get; init; }
    public string? NativeLang { get; init; }
    public string Text { get; init; } = "";
    /// <summary>Where the text is written, for the checks of the citations in it.</summary>
    public SourcePos TextPos { get; init; }
    public IReadOnlyList<Located<string>> Articles { get; init; } = [];
    /// <summary>The ways sources write the entry's name or term, counted in each article's text (issue 20).</summary>
    public IReadOnlyList<Located<string>> Variants { get; init; } = [];

    public static readonly IReadOnlyList<string> Kinds = ["person", "term", "organisation", "place"];
}

/// <summary>Everything loaded from input/.</summary>
public sealed record SiteContent
{
    public required SiteConfig Site { get; init; }
    public required IReadOnlyList<Article> Articles { get; init; }
    public required IReadOnlyList<Summary> Summaries { get; init; }
    public required IReadOnlyList<Topic> Topics { get; init; }
    public required IReadOnlyList<Source> Sources { get; init; }
    public required IReadOnlyList<Claim> Claims { get; init; }
    public required IReadOnlyList<TimelineEvent> Timeline { get; init; }
    public required IReadOnlyList<GlossaryEntry> Glossary { get; init; }
    /// <summary>
    /// The files that could not be read or parsed, as "articles/&lt;slug&gt;", "summaries/&lt;slug&gt;", "topics/&lt;id&gt;",
    /// "sources/&lt;id&gt;" or a list file's name ("claims.yml"): what refers to them is not reported as missing.
    /// </summary>
    public IReadOnlySet<string> Unread { get; init; } = new HashSet<string>();
    /// <summary>input/corrections.yml, newest first.</summary>
    public IReadOnlyList<Correction> Corrections { get; init; } = [];
}
