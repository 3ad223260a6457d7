namespace Briefing.Pages;

/// <summary>The About and method page (issue 25.9): drawn from site.yml and the build's own method, citing nothing else.</summary>
public sealed partial class Planner
{
    private Page About()
    {
        var site = _c.Site;
        var vm = new AboutVm(site.Title, Prose(site.Editors), Prose(site.Contact), Date(site.Reviewed), Date(_a.Updated),
            _a.Articles.Count, _c.Sources.Count, _a.Reuse.Method, _u.Compare, _u.Sources, _u.Glossary);
        return new Page
        {
            Url = _u.About, OutputPath = _u.OutputPath(_u.About), Template = "about", Model = vm, Title = "About and method",
            Description = "Who edits the briefing, what a capture is, how claims, quotes and shared wording are checked, and what the markers mean.",
            Section = _u.About,
        };
    }
}
