namespace Briefing.Output;

/// <summary>
/// Writes a whole site into a temporary folder beside the output folder and swaps it in only when every
/// file was written. A failure leaves the previous output exactly as it was; files that a build no longer
/// produces disappear with the old folder. Nothing is written outside the temporary folder.
/// </summary>
public sealed class AtomicWriter(string outputDir)
{
    private readonly string _output = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>Test hook: called before each file is written with the count so far; throw to simulate a failure.</summary>
    public Action<int>? BeforeEachFile { get; init; }

    public string OutputDir => _output;

    /// <summary>
    /// Starts a streamed write: each file is written with <see cref="Session.Write(string, ReadOnlySpan{byte})"/> as soon
    /// as it is ready (from any thread), its folder made as it is written, and <see cref="Session.Commit"/> swaps the
    /// folder in. Two files at one path are refused when the second is written. Disposing an uncommitted session
    /// deletes the temporary folder: the previous output stays as it was.
    /// </summary>
    public Session Begin() => new(this, NewTemporaryFolder());

    /// <summary>Checks where the output folder goes and makes the temporary folder beside it that a session writes into.</summary>
    private string NewTemporaryFolder()
    {
        var parent = Path.GetDirectoryName(_output) ?? throw new IOException($"The output folder '{_output}' has no parent folder.");
        if (!Directory.Exists(parent))
            throw new IOException(File.Exists(parent) ? $"'{parent}' is a file, not a folder, so it cannot hold the output folder. Choose another --output." : $"The output folder's parent '{parent}' does not exist.");
        if (File.Exists(_output)) throw new IOException($"'{_output}' is a file, not a folder. Remove it or choose another --output.");
        var temp = Path.Combine(parent, $".{Path.GetFileName(_output)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        return temp;
    }

    /// <summary>A streamed write in progress (see <see cref="Begin"/>).</summary>
    public sealed class Session : IDisposable
    {
        private readonly AtomicWriter _writer;
        private readonly string _temp;
        // the paths written so far
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _written = new(StringComparer.Ordinal);
        private int _count;
        private bool _done;

        internal Session(AtomicWriter writer, string temp) => (_writer, _temp) = (writer, temp);

        /// <summary>Writes one file. Thread-safe.</summary>
        public void Write(string relative, ReadOnlySpan<byte> content) => File.WriteAllBytes(Next(relative), content);

        /// <summary>Writes one file with <paramref name="write"/>, which writes its bytes into the stream given (in pieces: a large file is never whole in memory). Thread-safe.</summary>
        public void Write(string relative, Action<Stream> write)
        {
            using var file = new FileStream(Next(relative), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
            write(file);
        }

        /// <summary>Counts the file (the fault hook sees its number) and gives its path in the temporary folder.</summary>
        private string Next(string relative)
        {
            var n = Interlocked.Increment(ref _count); // not inside ?.Invoke(...): that skips its argument when there is no hook
            _writer.BeforeEachFile?.Invoke(n);
            var path = SafePath(_temp, relative);
            if (!_written.TryAdd(path, 0)) throw new IOException($"Two outputs want the same file '{relative}'.");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return path;
        }

        /// <summary>Swaps the written folder in place of the output folder.</summary>
        public void Commit()
        {
            var name = Path.GetFileName(_writer._output);
            var old = Path.Combine(Path.GetDirectoryName(_writer._output)!, $".{name}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
            _writer.Swap(_temp, old);
            _done = true;
            TryDelete(old);
        }

        public void Dispose()
        {
            if (!_done) TryDelete(_temp);
            _done = true;
        }
    }

    private void Swap(string temp, string old)
    {
        if (Directory.Exists(_output))
        {
            Directory.Move(_output, old);
            try { Directory.Move(temp, _output); }
            catch
            {
                Directory.Move(old, _output);
                throw;
            }
        }
        else if (File.Exists(_output))
        {
            throw new IOException($"'{_output}' is a file, not a folder. Remove it or choose another --output.");
        }
        else Directory.Move(temp, _output);
    }

    /// <summary>The full path of a relative output path, refusing anything that would land outside <paramref name="root"/>.</summary>
    public static string SafePath(string root, string relative)
    {
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Contains('\\') || relative.Contains('\0'))
            throw new IOException($"Refusing to write '{relative}': output paths must be relative.");
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var r = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(r, StringComparison.Ordinal))
            throw new IOException($"Refusing to write '{relative}': it is outside the output folder.");
        return full;
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (!Directory.Exists(dir)) return;
            // a site has thousands of page folders (articles/<slug>/): delete them on every core, then the rest
            var deep = Directory.EnumerateDirectories(dir).SelectMany(Directory.EnumerateDirectories).ToList();
            if (deep.Count > 64)
            {
                Parallel.ForEach(deep, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, d =>
                {
                    try { Directory.Delete(d, recursive: true); }
                    catch (IOException) { }
                    catch (UnauthorizedAccessException) { }
                });
            }
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
