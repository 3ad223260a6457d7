using System.Collections.Concurrent;
using Briefing.Pages;

namespace Briefing.Output;

/// <summary>
/// Where a build's files go: an atomic folder swap (<see cref="AtomicSink"/>), an in-place update of the folder the
/// preview wrote last (<see cref="InPlaceSink"/>), memory (<see cref="MemorySink"/>) or nowhere (<see cref="NullSink"/>, <c>check</c>).
/// Files are written from any thread, as they are ready; nothing is the output until <see cref="Commit"/>.
/// </summary>
public interface IOutputSink : IDisposable
{
    /// <summary>A failure leaves the previous output as it was.</summary>
    bool Atomic { get; }

    void Write(string path, byte[] content);
    void Write(string path, ReadOnlySpan<byte> content);
    /// <summary>Writes a file with <paramref name="write"/>, which writes its bytes into the stream given, in pieces.</summary>
    void Write(string path, Action<Stream> write);

    /// <summary>Makes what was written the output.</summary>
    void Commit();

    /// <summary>Every file written, by path (ordinal), with its bytes where the sink keeps them (else empty).</summary>
    IReadOnlyList<OutputFile> Files { get; }
}

/// <summary>The paths a sink that keeps no bytes has written, refusing a path written twice.</summary>
internal sealed class WrittenPaths
{
    private readonly ConcurrentDictionary<string, byte> _paths = new(StringComparer.Ordinal);

    public void Add(string path)
    {
        if (!_paths.TryAdd(path, 0)) throw new IOException($"Two outputs want the same file '{path}'.");
    }

    public IReadOnlyList<OutputFile> Files() => _paths.Keys.Order(StringComparer.Ordinal).Select(p => new OutputFile(p, [])).ToList();
}

/// <summary><c>check</c>: everything is made and thrown away, so that a check fails where a build would.</summary>
public sealed class NullSink : IOutputSink
{
    private readonly WrittenPaths _written = new();

    public bool Atomic => true;
    public void Write(string path, byte[] content) => _written.Add(path);
    public void Write(string path, ReadOnlySpan<byte> content) => _written.Add(path);

    public void Write(string path, Action<Stream> write)
    {
        _written.Add(path);
        write(Stream.Null);
    }

    public void Commit() { }
    public IReadOnlyList<OutputFile> Files => _written.Files();
    public void Dispose() { }
}
