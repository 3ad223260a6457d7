namespace Briefing.Pages;

/// <summary>One URL of the site from planning to writing: where it goes, which template renders it, with what.</summary>
public sealed record Page
{
    public required string Url { get; init; }
    public required string OutputPath { get; init; }
    /// <summary>The template under theme/pages/ (without .sbn-html).</summary>
    public required string Template { get; init; }
    public required object Model { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public string OgType { get; init; } = "website";
    public string PublishedTime { get; init; } = "";
    public string JsonLd { get; init; } = "";
    /// <summary>Listed in the sitemap and open to search engines.</summary>
    public bool Index { get; init; } = true;
    /// <summary>The URL of the nav item this page belongs to.</summary>
    public string Section { get; init; } = "";
    /// <summary>For the sitemap: the content date of the page, if any.</summary>
    public string LastModified { get; init; } = "";
    /// <summary>The article this page shows, if any (for incremental rebuilds).</summary>
    public string? ArticleSlug { get; init; }
}

/// <summary>A file written as is (feed, sitemap, robots.txt, assets, redirects).</summary>
public sealed record OutputFile(string Path, byte[] Content);
