using System.Globalization;

namespace Briefing.Pages;

/// <summary>Paginated lists (issue 23): a list longer than site.yml's <c>page_size</c> is cut into pages with stable URLs.</summary>
public sealed partial class Planner
{
    private int PageSize => _c.Site.PageSize;

    /// <summary>How many pages a list of <paramref name="items"/> takes (at least one, which may be empty).</summary>
    private int PageCount(int items) => Math.Max(1, (items + PageSize - 1) / PageSize);

    /// <summary>The items on page <paramref name="number"/> (from 1).</summary>
    private List<T> Slice<T>(IReadOnlyList<T> items, int number) => items.Skip((number - 1) * PageSize).Take(PageSize).ToList();

    /// <summary>The page of a list that item <paramref name="index"/> (from 0) is on.</summary>
    private int PageOf(int index) => index / PageSize + 1;

    /// <summary>"Page 2 of 40" and the links around it; <paramref name="label"/> names the list ("Pages of the articles on X").</summary>
    private static PagerVm Pager(string first, int number, int count, string label) => new(label, number, count, Position(number, count),
        number > 1 ? first : "", number > 1 ? Urls.Paged(first, number - 1) : "",
        number < count ? Urls.Paged(first, number + 1) : "", number < count ? Urls.Paged(first, count) : "");

    private static string Position(int number, int count) => string.Create(CultureInfo.InvariantCulture, $"Page {number} of {count}");

    /// <summary>"Articles 21–40 of 3,600": which items of a list a page shows.</summary>
    private string Range(string what, int number, int total)
    {
        var first = (number - 1) * PageSize + 1;
        var last = Math.Min(total, number * PageSize);
        return string.Create(CultureInfo.InvariantCulture, $"{what} {first:N0}–{last:N0} of {total:N0}");
    }

    private static string Count(int n, string word) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? word : word + "s")}");

    /// <summary>A page's title with its place in the list, from page 2 on: "Maritime disputes (page 2 of 40)".</summary>
    private static string PagedTitle(string title, int number, int count) =>
        number <= 1 ? title : string.Create(CultureInfo.InvariantCulture, $"{title} (page {number} of {count})");
}
