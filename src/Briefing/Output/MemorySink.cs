using System.Collections.Concurrent;
using Briefing.Pages;

namespace Briefing.Output;

/// <summary>Keeps every file's bytes (the preview serves them, tests read them) and hands each on to <paramref name="inner"/>.</summary>
public sealed class MemorySink(IOutputSink inner) : IOutputSink
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public bool Atomic => inner.Atomic;

    public void Write(string path, byte[] content)
    {
        if (!_files.TryAdd(path, content)) throw new IOException($"Two outputs want the same file '{path}'.");
        inner.Write(path, content);
    }

    public void Write(string path, ReadOnlySpan<byte> content) => Write(path, content.ToArray());

    public void Write(string path, Action<Stream> write)
    {
        var buffer = new MemoryStream();
        write(buffer);
        Write(path, buffer.ToArray());
    }

    public void Commit() => inner.Commit();

    public IReadOnlyList<OutputFile> Files => _files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new OutputFile(f.Key, f.Value)).ToList();

    public void Dispose() => inner.Dispose();
}
