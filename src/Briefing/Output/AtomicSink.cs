using Briefing.Pages;

namespace Briefing.Output;

/// <summary>A build's files written into a temporary folder (an <see cref="AtomicWriter"/> session) that <see cref="Commit"/> swaps in.</summary>
public sealed class AtomicSink(AtomicWriter writer) : IOutputSink
{
    // files not announced: each file's folder is made as it is written
    private readonly AtomicWriter.Session _session = writer.Begin();
    private readonly WrittenPaths _written = new();

    public bool Atomic => true;

    public void Write(string path, byte[] content) => Write(path, content.AsSpan());

    public void Write(string path, ReadOnlySpan<byte> content)
    {
        _written.Add(path);
        _session.Write(path, content);
    }

    public void Write(string path, Action<Stream> write)
    {
        _written.Add(path);
        _session.Write(path, write);
    }

    public void Commit() => _session.Commit();
    public IReadOnlyList<OutputFile> Files => _written.Files();
    public void Dispose() => _session.Dispose();
}
