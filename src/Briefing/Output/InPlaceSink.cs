using Briefing.Pages;

namespace Briefing.Output;

/// <summary>
/// The preview's output folder, which this process wrote last time: <see cref="Commit"/> writes the files whose bytes
/// changed (each through a temporary file and a rename) and deletes the files that are no longer produced. What the
/// folder holds is known from the last build (<paramref name="before"/>), so the folder is not walked: the preview owns it.
/// </summary>
public sealed class InPlaceSink(string outputDir, IReadOnlyDictionary<string, byte[]> before, Action<int>? beforeEachFile) : IOutputSink
{
    // every file's bytes, to compare with the last build's at Commit
    private readonly MemorySink _files = new(new NullSink());

    /// <summary>A failure midway leaves some files new and some old.</summary>
    public bool Atomic => false;

    public void Write(string path, byte[] content) => _files.Write(path, content);
    public void Write(string path, ReadOnlySpan<byte> content) => _files.Write(path, content);
    public void Write(string path, Action<Stream> write) => _files.Write(path, write);
    public IReadOnlyList<OutputFile> Files => _files.Files;

    public void Commit()
    {
        var root = Path.GetFullPath(outputDir);
        var count = 0;
        var files = Files;
        var wanted = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var f in files)
        {
            var full = AtomicWriter.SafePath(root, f.Path);
            if (before.TryGetValue(f.Path, out var old) && (ReferenceEquals(old, f.Content) || old.AsSpan().SequenceEqual(f.Content))) continue;
            beforeEachFile?.Invoke(++count);
            var dir = Path.GetDirectoryName(full)!;
            var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}");
            try { File.WriteAllBytes(temp, f.Content); }
            catch (DirectoryNotFoundException)
            {
                Directory.CreateDirectory(dir);
                File.WriteAllBytes(temp, f.Content);
            }
            File.Move(temp, full, overwrite: true);
        }
        foreach (var gone in before.Keys)
        {
            if (wanted.Contains(gone)) continue;
            var full = AtomicWriter.SafePath(root, gone);
            File.Delete(full);
            // its folders go once empty
            for (var dir = Path.GetDirectoryName(full); dir is not null && dir.Length > root.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any(); dir = Path.GetDirectoryName(dir))
                Directory.Delete(dir);
        }
    }

    public void Dispose() { }
}
