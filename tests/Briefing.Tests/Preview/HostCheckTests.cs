using System.Net;
using System.Text.RegularExpressions;
using Briefing.Cli;
using Briefing.Diagnostics;
using Briefing.Preview;
using Briefing.Tests.Support;

namespace Briefing.Tests.Preview;

/// <summary>
/// The preview answers only requests that name it (DNS rebinding: a page on another site whose name resolves to
/// 127.0.0.1 must not read the preview), and its live-reload stream only pages of its own origin.
/// </summary>
public sealed class HostCheckTests
{
    private static async Task<PreviewSession> Start(TestSite site, StringWriter log, params string[] allowHosts)
    {
        var s = new PreviewSession(new BuildOptions { InputDir = site.Input, ThemeDir = site.Theme, OutputDir = site.Output }, 0, log,
            new ConsoleReporter(log, false, false), allowHosts) { Debounce = TimeSpan.FromMilliseconds(50) };
        await s.StartAsync();
        return s;
    }

    /// <summary>A GET to the preview's own address (127.0.0.1) that names <paramref name="host"/> in its Host header, as a rebound page's would.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> Get(PreviewSession s, string host, string path = "/", string? origin = null)
    {
        using var http = new HttpClient { BaseAddress = s.Host.Address, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        if (origin is not null) request.Headers.Add("Origin", origin);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static int Port(PreviewSession s) => s.Host.Address.Port;

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    [InlineData("LocalHost")]
    public async Task The_loopback_names_with_the_preview_port_are_answered(string name)
    {
        using var site = new TestSite();
        var log = new StringWriter();
        await using var s = await Start(site, log);
        var (status, body) = await Get(s, $"{name}:{Port(s)}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Test briefing</h1>", body);
        Assert.DoesNotContain("refused", log.ToString());
    }

    [Fact]
    public async Task A_foreign_host_gets_403_with_a_one_line_explanation_and_is_logged_once()
    {
        using var site = new TestSite();
        var log = new StringWriter();
        await using var s = await Start(site, log);
        var host = $"rebound.example:{Port(s)}";
        var first = await Get(s, host);
        var second = await Get(s, host, "/articles/2023-12-13-alpha/");

        foreach (var (status, body) in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.DoesNotContain("Test briefing", body);
            Assert.Single(body.TrimEnd('\n').Split('\n'));
            Assert.Contains("'rebound.example'", body);
            Assert.Contains("--allow-host rebound.example", body);
            Assert.Contains($"http://127.0.0.1:{Port(s)}/", body);
        }
        var lines = log.ToString().Split('\n').Where(l => l.Contains("refused", StringComparison.Ordinal)).ToList();
        Assert.Single(lines);
        Assert.Contains("'rebound.example'", lines[0]);
    }

    [Theory]
    [InlineData("127.0.0.1:1")]            // the right name on another port
    [InlineData("localhost")]              // no port: port 80, not the preview's
    [InlineData("127.0.0.1.nip.io:{port}")] // a public name that resolves to 127.0.0.1
    [InlineData("localhost.:{port}")]
    [InlineData("[::ffff:127.0.0.1]:{port}")]
    public async Task Other_hosts_and_ports_are_refused(string host)
    {
        using var site = new TestSite();
        var log = new StringWriter();
        await using var s = await Start(site, log);
        var (status, body) = await Get(s, host.Replace("{port}", Port(s).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.StartsWith("Forbidden: this preview answers only", body);
    }

    [Theory]
    [InlineData("GET http://rebound.example:{port}/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n")] // absolute form naming another host
    [InlineData("GET / HTTP/1.0\r\n")]                                                        // no Host header at all
    [InlineData("GET / HTTP/1.1\r\nHost: rebound.example:{port}\r\nHost: 127.0.0.1:{port}\r\n")]
    public async Task Requests_that_do_not_plainly_name_the_preview_are_not_served(string head)
    {
        using var site = new TestSite();
        var log = new StringWriter();
        await using var s = await Start(site, log);
        var port = Port(s).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port(s));
        await using var stream = client.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head.Replace("{port}", port, StringComparison.Ordinal) + "Connection: close\r\n\r\n"));
        using var reader = new StreamReader(stream);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var status = response.Split(' ')[1];
        Assert.True(status is "400" or "403", response);
        Assert.DoesNotContain("Test briefing", response);
    }

    [Theory]
    [InlineData("http://rebound.example:{port}")]
    [InlineData("http://localhost:1")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1:{port}/path")]
    public async Task The_live_reload_stream_refuses_a_foreign_origin(string origin)
    {
        using var site = new TestSite();
        var log = new StringWriter();
        await using var s = await Start(site, log);
        var port = Port(s).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (status, body) = await Get(s, $"127.0.0.1:{port}", SiteHost.EventsPath, origin.Replace("{port}", port, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.StartsWith("Forbidden: the live-reload stream answers only pages of this preview", body);
        Assert.Equal(0, s.Host.ReloadClients);
        Assert.Single(log.ToString().Split('\n'), l => l.Contains("refused the live-reload stream", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1", "http://127.0.0.1:{port}")]
    [InlineData("localhost", "http://localhost:{port}")]
    [InlineData("[::1]", "http://[::1]:{port}")]
    [InlineData("127.0.0.1", null)]
    public async Task Live_reload_still_reaches_a_page_of_the_same_origin(string host, string? origin)
    {
        using var site = new TestSite();
        var log = new StringWriter();
        await using var s = await Start(site, log);
        var port = Port(s).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient { BaseAddress = s.Host.Address, Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Get, SiteHost.EventsPath);
        request.Headers.Host = $"{host}:{port}";
        if (origin is not null) request.Headers.Add("Origin", origin.Replace("{port}", port, StringComparison.Ordinal));
        using var events = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());

        var rebuilt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        s.Rebuilt += _ => rebuilt.TrySetResult();
        s.Touch();
        await rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? line;
        while ((line = await reader.ReadLineAsync(cts.Token)) is not null && line != "event: reload") { }
        Assert.Equal("event: reload", line);
    }

    [Fact]
    public async Task Allow_host_admits_the_named_host_on_any_port_and_its_origin_and_nothing_else()
    {
        using var site = new TestSite();
        var log = new StringWriter();
        await using var s = await Start(site, log, "tunnel.example");
        Assert.Equal(HttpStatusCode.OK, (await Get(s, "tunnel.example")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Get(s, "Tunnel.Example:443")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Get(s, $"localhost:{Port(s)}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(s, "other.example")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(s, "sub.tunnel.example")).Status);

        using var http = new HttpClient { BaseAddress = s.Host.Address, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, SiteHost.EventsPath);
        request.Headers.Host = "tunnel.example";
        request.Headers.Add("Origin", "https://tunnel.example");
        using var events = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());
    }

    [Theory]
    [InlineData("tunnel.example", "tunnel.example")]
    [InlineData(" My-Tunnel.Example.ORG ", "my-tunnel.example.org")]
    [InlineData("::1", "[::1]")]
    [InlineData("[::1]", "[::1]")]
    [InlineData("192.168.1.20", "192.168.1.20")]
    public void Allow_host_names_are_normalised(string raw, string expected)
    {
        Assert.Equal(expected, HostFilter.TryNormalize(raw, out var problem));
        Assert.Equal("", problem);
    }

    [Theory]
    [InlineData("https://tunnel.example/", "not a URL: write --allow-host tunnel.example")]
    [InlineData("tunnel.example:8443", "without a port (any port is admitted): write --allow-host tunnel.example")]
    [InlineData("*", "is not a host name")]
    [InlineData("*.example.org", "is not a host name")]
    [InlineData("", "is not a host name")]
    public void A_url_a_port_or_a_wildcard_given_to_allow_host_is_a_usage_error_that_shows_the_fix(string raw, string message)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(["preview", "--allow-host", "localhost", "--allow-host", raw, "--port", "0"], o, e);
        Assert.Equal(Program.UsageErrors, code);
        Assert.Contains(message, e.ToString());
        Assert.True(Regex.IsMatch(e.ToString(), @"^error: --allow-host", RegexOptions.Multiline), e.ToString());
        Assert.Equal("", o.ToString());
    }
}
