using Briefing.Build;
using Briefing.Content;
using Briefing.Incremental;

namespace Briefing;

/// <summary>
/// Builds a site (<see cref="Pipeline"/>: load, validate, analyse, plan, render, write). A builder made with an
/// <see cref="ArticleCache"/> is the preview's: it keeps what it made and reuses what is unchanged in the next build.
/// </summary>
public sealed class SiteBuilder
{
    private readonly IBuildCache _cache;
    private readonly Pipeline _pipeline;

    public SiteBuilder(ArticleCache? cache = null)
    {
        _cache = cache is null ? new NoCache() : new PreviewCache(cache);
        _pipeline = new Pipeline(_cache);
    }

    /// <summary>How many article bodies the last build rendered (not taken from the cache).</summary>
    public int LastRendered => _pipeline.LastRendered;

    /// <summary>How many pages the last build took from the previous one without rendering (preview).</summary>
    public int LastReusedPages => _cache.ReusedPages;

    public BuildResult Build(BuildOptions o) => _pipeline.Run(o);
}
