namespace Briefing.Browser.Tests;

/// <summary>The response headers netlify.toml gives HTML pages, so the browser sees what Netlify would serve.</summary>
public static class NetlifyHeaders
{
    public static IReadOnlyList<KeyValuePair<string, string>> ForHtml(string netlifyToml)
    {
        if (!File.Exists(netlifyToml)) return [];
        return Briefing.Tests.Publishing.NetlifyConfig.Parse(File.ReadAllText(netlifyToml)).HeadersFor("/index.html");
    }
}
