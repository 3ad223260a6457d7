using Briefing.Publishing;

namespace Briefing.Tests.Publishing;

public sealed class MiniTomlTests
{
    [Fact]
    public void Reads_tables_arrays_of_tables_strings_numbers_booleans_and_arrays()
    {
        var t = MiniToml.Parse("""
            # comment
            title = "a # not a comment"
            [build]
              command = 'bash x.sh'   # trailing comment
              publish = "out\"put"
            [build.environment]
              N = 3
              B = true
              LIST = ["a", 'b', 1]
            [[headers]]
              for = "/*"
              [headers.values]
                X-Frame-Options = "DENY"
            [[headers]]
              for = "/assets/*"
            """);
        Assert.Equal("a # not a comment", t["title"]);
        var build = (Dictionary<string, object>)t["build"];
        Assert.Equal("bash x.sh", build["command"]);
        Assert.Equal("out\"put", build["publish"]);
        var env = (Dictionary<string, object>)build["environment"];
        Assert.Equal(3L, env["N"]);
        Assert.Equal(true, env["B"]);
        Assert.Equal(new object[] { "a", "b", 1L }, (List<object>)env["LIST"]);
        var headers = (List<object>)t["headers"];
        Assert.Equal(2, headers.Count);
        Assert.Equal("DENY", ((Dictionary<string, object>)((Dictionary<string, object>)headers[0])["values"])["X-Frame-Options"]);
        Assert.Equal("/assets/*", ((Dictionary<string, object>)headers[1])["for"]);
    }

    [Theory]
    [InlineData("a = \"unclosed", 1)]
    [InlineData("ok = 1\na = \"\"\"multi\"\"\"", 2)]
    [InlineData("a = 1\na = 2", 2)]
    [InlineData("[t]\nx = {inline = 1}", 2)]
    [InlineData("just words", 1)]
    [InlineData("x = 1.5", 1)]
    [InlineData("[table", 1)]
    [InlineData("x = [1, 2", 1)]
    public void Rejects_what_it_does_not_support_naming_the_line(string toml, int line)
    {
        var ex = Assert.Throws<TomlException>(() => MiniToml.Parse(toml));
        Assert.Equal(line, ex.Line);
    }

    [Fact]
    public void Later_header_rules_replace_earlier_values_for_the_same_header()
    {
        var c = NetlifyConfig.Parse("[[headers]]\nfor = \"/*\"\n[headers.values]\nCache-Control = \"no-cache\"\nX = \"1\"\n[[headers]]\nfor = \"/assets/*\"\n[headers.values]\nCache-Control = \"immutable\"\n");
        Assert.Contains(c.HeadersFor("/assets/site.css"), h => h.Key == "Cache-Control" && h.Value == "immutable");
        Assert.Contains(c.HeadersFor("/assets/site.css"), h => h.Key == "X");
        Assert.Contains(c.HeadersFor("/index.html"), h => h.Key == "Cache-Control" && h.Value == "no-cache");
    }
}
