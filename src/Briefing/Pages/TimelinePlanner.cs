using System.Globalization;

namespace Briefing.Pages;

/// <summary>The timeline, oldest event first; longer than a page, on pages of its own (issue 23).</summary>
public sealed partial class Planner
{
    private IEnumerable<Func<Page>> TimelinePages()
    {
        var count = PageCount(_c.Timeline.Count);
        return Enumerable.Range(1, count).Select(n => (Func<Page>)(() => Timeline(n, count)));
    }

    private Page Timeline(int number, int count)
    {
        var events = count == 1 ? _c.Timeline.ToList() : Slice(_c.Timeline, number);
        var vm = new TimelineVm(events.GroupBy(e => e.Date.Year).Select(g => new YearVm(g.Key.ToString(CultureInfo.InvariantCulture), g.Select(Event).ToList())).ToList())
        {
            Pager = count == 1 ? PagerVm.None : Pager(_u.Timeline, number, count, "Pages of the timeline"),
        };
        var url = Urls.Paged(_u.Timeline, number);
        return new Page
        {
            Url = url, OutputPath = _u.OutputPath(url), Template = "timeline", Model = vm, Title = PagedTitle("Timeline", number, count),
            Description = "Dated events the articles report, with the precision they give.", Section = _u.Timeline,
        };
    }
}
