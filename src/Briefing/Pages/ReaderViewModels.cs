namespace Briefing.Pages;

// View models of the reader's pages (issue 25).

/// <summary>A navigation entry: a link, or (with <see cref="Children"/> and no URL) a menu of links. <see cref="Short"/> is the label on a phone.</summary>
public sealed record NavEntry(string Label, string Url, string Short, IReadOnlyList<NavEntry> Children);

