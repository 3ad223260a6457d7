using System.Collections.Concurrent;
using Briefing.Pages;

namespace Briefing.Output;

/// <summary>
/// The preview's output folder, which this process wrote last time: <see cref="Commit"/> writes the files whose bytes
/// changed (each through a temporary file and a rename) and deletes the files that are no longer produced. What the
/// folder holds is known from the last build (<paramref name="before"/>), so the folder is not walked: the preview owns it.
/// </summary>
public sealed class InPlaceSink(string outputDir, IReadOnlyDictionary<string, byte[]> before, Action<int>? beforeEachFile) : IOutputSink
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>A failure midway leaves some files new and some old.</summary>
    public bool Atomic => false;

    public void Write(string path, byte[] content)
    {
        if (!_files.TryAdd(path, content)) throw new IOException($"Two outputs want the same file '{path}'.");
    }

    public void Write(string path, ReadOnlySpan<byte> content) => Write(path, content.ToArray());

    public void Write(string path, Action<Stream> write)
    {
        var buffer = new MemoryStream();
        write(buffer);
        Write(path, buffer.ToArray());
    }

    public IReadOnlyList<OutputFile> Files => _files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new OutputFile(f.Key, f.Value)).ToList();

    public void Commit()
    {
        var root = Path.GetFullPath(outputDir);
        var count = 0;
        foreach (var f in Files)
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
            if (_files.ContainsKey(gone)) continue;
            var full = AtomicWriter.SafePath(root, gone);
            File.Delete(full);
            // its folders go once empty
            for (var dir = Path.GetDirectoryName(full); dir is not null && dir.Length > root.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any(); dir = Path.GetDirectoryName(dir))
                Directory.Delete(dir);
        }
    }

    public void Dispose() { }
}
