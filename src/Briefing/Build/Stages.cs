using System.Collections.Concurrent;
using Briefing.Analysis;
using Briefing.Content;
using Briefing.Pages;
using Briefing.Rendering;

namespace Briefing.Build;

// What each stage of the pipeline hands to the next (see Pipeline).

/// <summary>The input, each article with its text (rendered, its quotes found, its shingles cut).</summary>
internal sealed record Loaded(SiteContent Content, MarkdownRenderer Markdown,
    ConcurrentDictionary<Article, ArticleText> Texts, ConcurrentDictionary<IReadOnlyList<string>, ShingledDocument> Shingles);

/// <summary>The input checked: the published articles with what they link to, and text reuse under way.</summary>
internal sealed record Validated(SiteContent Content, MarkdownRenderer Markdown, List<ArticleInfo> Articles,
    List<ReuseDocument> ReuseDocuments, Task<ReuseResult> Reuse, ConcurrentDictionary<IReadOnlyList<string>, ShingledDocument> Shingles);

/// <summary>What the pages show besides the input: coverage, claims, text reuse, the glossary's variants.</summary>
internal sealed record Analysed(SiteContent Content, SiteAnalysis Analysis, MarkdownRenderer Markdown, VariantUse Variants, bool SearchOn);

/// <summary>Every page to make, each planned when called.</summary>
internal sealed record Planned(Analysed Analysed, Urls Urls, Planner Planner, IReadOnlyList<Func<Page>> Work);

/// <summary>Every page rendered and written to the sink; each keeps its place (URL, path, sitemap entry), not its model.</summary>
internal sealed record Rendered(Planned Planned, Page[] Pages, SiteFiles.AssetSet Assets);
