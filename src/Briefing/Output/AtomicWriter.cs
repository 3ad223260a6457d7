using Briefing.Pages;

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

    public void Write(IReadOnlyList<OutputFile> files)
    {
        var parent = Path.GetDirectoryName(_output) ?? throw new IOException($"The output folder '{_output}' has no parent folder.");
        if (!Directory.Exists(parent))
            throw new IOException(File.Exists(parent) ? $"'{parent}' is a file, not a folder, so it cannot hold the output folder. Choose another --output." : $"The output folder's parent '{parent}' does not exist.");
        if (File.Exists(_output)) throw new IOException($"'{_output}' is a file, not a folder. Remove it or choose another --output.");
        var name = Path.GetFileName(_output);
        var temp = Path.Combine(parent, $".{name}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            var targets = files.Select(f => (File: f, Path: SafePath(temp, f.Path))).ToList();
            var dups = targets.GroupBy(t => t.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (dups is not null) throw new IOException($"Two outputs want the same file '{Path.GetRelativePath(temp, dups.Key)}'.");
            foreach (var dir in targets.Select(t => Path.GetDirectoryName(t.Path)!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                Directory.CreateDirectory(dir);
            var count = 0;
            try
            {
                Parallel.ForEach(targets, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, t =>
                {
                    BeforeEachFile?.Invoke(Interlocked.Increment(ref count));
                    File.WriteAllBytes(t.Path, t.File.Content);
                });
            }
            catch (AggregateException ae)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ae.Flatten().InnerExceptions[0]).Throw();
            }
            Swap(temp, old);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        TryDelete(old);
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
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
