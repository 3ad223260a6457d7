using System.Collections.Frozen;
using Briefing.Diagnostics;
using Briefing.Pages;

namespace Briefing.Preview;

/// <summary>
/// One complete build held in memory, swapped in whole: a request is always answered from a single build,
/// never from a half-written folder. When the newest build failed, <see cref="Errors"/> holds its diagnostics.
/// </summary>
public sealed class SiteSnapshot
{
    public FrozenDictionary<string, byte[]> Files { get; }
    public IReadOnlyList<Diagnostic> Errors { get; }
    public int Version { get; }
    /// <summary>The path the build put the site under (its base URL's path), or null to serve it where the host says.</summary>
    public string? BasePath { get; }

    public SiteSnapshot(IEnumerable<OutputFile> files, int version, IReadOnlyList<Diagnostic>? errors = null, string? basePath = null)
    {
        Files = files.ToFrozenDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        Version = version;
        Errors = errors ?? [];
        BasePath = basePath;
    }

    /// <summary>
    /// While the newest build has errors: the pages of the articles whose files have errors, as they now are (see
    /// <see cref="DraftPages"/>), by site-relative file.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> Drafts { get; private init; } = new Dictionary<string, byte[]>();

    public SiteSnapshot WithErrors(IReadOnlyList<Diagnostic> errors, int version, IReadOnlyDictionary<string, byte[]>? drafts = null) =>
        new(Files.Select(kv => new OutputFile(kv.Key, kv.Value)), version, errors, BasePath) { Drafts = drafts ?? new Dictionary<string, byte[]>() };

    public static SiteSnapshot FromDirectory(string dir, int version = 1)
    {
        var root = Path.GetFullPath(dir);
        var files = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => new OutputFile(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            : [];
        return new SiteSnapshot(files, version);
    }
}
