using System.Text;
using Briefing.Output;

namespace Briefing.Tests.Build;

public sealed class OutputSinkTests
{
    [Fact]
    public void A_sink_refuses_a_second_file_at_the_same_path()
    {
        using var memory = new MemorySink(new NullSink());
        memory.Write("a/index.html", "one"u8);
        Assert.Equal("Two outputs want the same file 'a/index.html'.", Assert.Throws<IOException>(() => memory.Write("a/index.html", "two"u8)).Message);
        using var check = new NullSink();
        check.Write("feed.xml", s => s.Write("x"u8));
        Assert.Throws<IOException>(() => check.Write("feed.xml", [1]));
    }

    [Fact]
    public void A_memory_sink_keeps_every_file_by_path_and_hands_it_on()
    {
        using var inner = new NullSink();
        using var memory = new MemorySink(inner);
        memory.Write("b.html", "b"u8);
        memory.Write("a.xml", s => s.Write("a"u8));
        Assert.Equal(["a.xml", "b.html"], memory.Files.Select(f => f.Path));
        Assert.Equal("a", Encoding.UTF8.GetString(memory.Files[0].Content));
        Assert.Equal(["a.xml", "b.html"], inner.Files.Select(f => f.Path));
    }

    [Fact]
    public void An_in_place_sink_writes_only_the_changed_files_and_deletes_those_no_longer_made()
    {
        var root = Directory.CreateTempSubdirectory("briefing-inplace-");
        try
        {
            var before = new Dictionary<string, byte[]>(StringComparer.Ordinal)
            {
                ["same.html"] = "same"u8.ToArray(), ["changed.html"] = "old"u8.ToArray(), ["gone/index.html"] = "gone"u8.ToArray(),
            };
            foreach (var (path, bytes) in before)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root.FullName, path))!);
                File.WriteAllBytes(Path.Combine(root.FullName, path), bytes);
            }
            var written = new List<int>();
            using var sink = new InPlaceSink(root.FullName, before, written.Add);
            sink.Write("same.html", "same"u8);
            sink.Write("changed.html", "new"u8);
            sink.Write("new/index.html", "new"u8);
            sink.Commit();
            Assert.Equal([1, 2], written); // the changed file and the new one
            Assert.Equal("new", File.ReadAllText(Path.Combine(root.FullName, "changed.html")));
            Assert.Equal("new", File.ReadAllText(Path.Combine(root.FullName, "new", "index.html")));
            Assert.Equal("same", File.ReadAllText(Path.Combine(root.FullName, "same.html")));
            Assert.False(Directory.Exists(Path.Combine(root.FullName, "gone")));
            Assert.False(sink.Atomic);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
