using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Briefing.Preview;

/// <summary>
/// Serves a built site over HTTP with Kestrel, bound to 127.0.0.1 only. Used by <c>preview</c> (with live reload)
/// and by the browser tests. Files come from the current <see cref="SiteSnapshot"/>, so only the site's own files
/// can ever be served, and a rebuild swaps the whole site at once. Only requests that name this server in their
/// Host header are answered (<see cref="HostFilter"/>).
/// </summary>
public sealed class SiteHost : IAsyncDisposable
{
    public const string EventsPath = "/__briefing/events";
    public const string ReloadScriptPath = "/__briefing/livereload.js";
    /// <summary>The preview's list of the newest build's errors.</summary>
    public const string ErrorsPath = "/__briefing/errors";
    private const string ReloadScript = """
        (function () {
          if (!window.EventSource) return;
          var es = new EventSource("/__briefing/events");
          es.addEventListener("reload", function () { es.close(); location.reload(); });
        })();
        """;

    private readonly WebApplication _app;
    private readonly bool _liveReload;
    private readonly string _defaultBasePath;

    /// <summary>Where the current build's site lives: the path its base URL gives, else the host's own.</summary>
    private string BasePath => _snapshot.BasePath ?? _defaultBasePath;
    private volatile SiteSnapshot _snapshot;
    private readonly Lock _waitersLock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IReadOnlyList<KeyValuePair<string, string>> _headers;
    private readonly HostFilter _hosts;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");
    public int ReloadClients => _clients;
    private int _clients;

    /// <param name="port">0 for an ephemeral port.</param>
    /// <param name="headers">Extra headers for every response (the browser tests apply netlify.toml's CSP this way).</param>
    /// <param name="hosts">The host names answered besides 127.0.0.1, localhost and [::1], and where refusals are logged.</param>
    public SiteHost(SiteSnapshot snapshot, int port, bool liveReload, string basePath = "/", IEnumerable<KeyValuePair<string, string>>? headers = null, HostFilter? hosts = null)
    {
        _hosts = hosts ?? new HostFilter();
        _snapshot = snapshot;
        _liveReload = liveReload;
        _defaultBasePath = basePath;
        _headers = headers?.ToList() ?? [];
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Briefing.Preview" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        _app = builder.Build();
        _app.Run(Handle);
    }

    public async Task StartAsync()
    {
        await _app.StartAsync();
        var addr = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(addr.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public SiteSnapshot Snapshot => _snapshot;

    /// <summary>Swaps in a new build (or a failed build's diagnostics) and tells open pages to reload.</summary>
    public void Publish(SiteSnapshot snapshot)
    {
        _snapshot = snapshot;
        Release();
    }

    private void Release()
    {
        TaskCompletionSource old;
        lock (_waitersLock)
        {
            old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        old.TrySetResult();
    }

    private async Task Handle(HttpContext ctx)
    {
        foreach (var (k, v) in _headers) ctx.Response.Headers[k] = v;
        ctx.Response.Headers["X-Content-Type-Options"] = "nosniff";
        var path = ctx.Request.Path.Value ?? "/";
        var events = _liveReload && path == EventsPath;
        if (!await Admit(ctx, events)) return;
        if (ctx.Request.Method is not ("GET" or "HEAD"))
        {
            ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        if (events) { await Events(ctx); return; }
        if (_liveReload && path == ReloadScriptPath)
        {
            await Send(ctx, 200, "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(ReloadScript));
            return;
        }

        var snapshot = _snapshot;
        if (_liveReload && path == ErrorsPath)
        {
            await SendHtml(ctx, 200, ErrorPage.Render(snapshot.Errors, lastGoodServed: snapshot.Files.Count > 0), banner: false);
            return;
        }
        var relative = Resolve(path, ctx.Request.Path.HasValue ? ctx.Request.Path.ToUriComponent() : "/");
        if (relative is null && path == "/")
        {
            // the site lives under its base URL's path: the server's root points there
            ctx.Response.StatusCode = StatusCodes.Status302Found;
            ctx.Response.Headers.Location = BasePath;
            return;
        }
        if (relative is null)
        {
            await Send(ctx, 400, "text/plain; charset=utf-8", "Bad request: that path is not allowed."u8.ToArray());
            return;
        }
        if (snapshot.Errors.Count > 0 && (relative.Length == 0 || relative.EndsWith('/') || relative.EndsWith(".html", StringComparison.Ordinal)))
        {
            // the page of an article with errors, as it now is; with no good build yet, the list of errors
            var key = relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
            if (snapshot.Drafts.TryGetValue(key, out var draft)) { await SendHtml(ctx, 200, draft, banner: false); return; }
            if (snapshot.Files.Count == 0) { await SendHtml(ctx, 500, ErrorPage.Render(snapshot.Errors), banner: false); return; }
        }
        if (Find(snapshot, relative) is { } hit)
        {
            var type = ContentType(hit.Path);
            if (type.StartsWith("text/html", StringComparison.Ordinal)) await SendHtml(ctx, 200, hit.Bytes);
            else await Send(ctx, 200, type, hit.Bytes);
            return;
        }
        if (!relative.EndsWith('/') && snapshot.Files.ContainsKey(relative + "/index.html"))
        {
            ctx.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            ctx.Response.Headers.Location = BasePath + relative + "/";
            return;
        }
        if (snapshot.Files.TryGetValue("404.html", out var notFound)) await SendHtml(ctx, 404, notFound);
        else await Send(ctx, 404, "text/plain; charset=utf-8", "Not found"u8.ToArray());
    }

    /// <summary>
    /// Answers 403 to a request that names another host than this server (and, for the live-reload stream, comes
    /// from another origin); true when the request may be served.
    /// </summary>
    private async Task<bool> Admit(HttpContext ctx, bool events)
    {
        var ownPort = ctx.Connection.LocalPort;
        string? refusal = null;
        if (!_hosts.AllowsHost(ctx.Request.Host, ownPort))
        {
            _hosts.LogOnce("host", ctx.Request.Host.Host);
            refusal = _hosts.HostRefusal(ctx.Request.Host, ownPort);
        }
        else if (events && !_hosts.AllowsOrigin(ctx.Request.Headers.Origin, ownPort))
        {
            _hosts.LogOnce("origin", ctx.Request.Headers.Origin.ToString());
            refusal = HostFilter.OriginRefusal(ctx.Request.Headers.Origin.ToString());
        }
        if (refusal is null) return true;
        await Send(ctx, StatusCodes.Status403Forbidden, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(refusal));
        return false;
    }

    /// <summary>
    /// The site-relative path for a request path, or null when it tries to leave the site: ".." or "." segments
    /// (also percent-encoded), backslashes (also %5C), NUL, or a path outside the base path.
    /// </summary>
    public string? Resolve(string decodedPath, string rawPath)
    {
        var raw = rawPath.ToLowerInvariant();
        if (raw.Contains("%2e", StringComparison.Ordinal) || raw.Contains("%5c", StringComparison.Ordinal) || raw.Contains("%00", StringComparison.Ordinal) || raw.Contains("%25", StringComparison.Ordinal) || raw.Contains("%2f", StringComparison.Ordinal))
            return null;
        var p = decodedPath;
        if (p.Contains('\\') || p.Contains('\0') || !p.StartsWith('/')) return null;
        var basePath = BasePath;
        if (!p.StartsWith(basePath, StringComparison.Ordinal))
            return p + "/" == basePath ? "" : null;
        var rel = p[basePath.Length..];
        foreach (var seg in rel.Split('/'))
            if (seg is "." or ".." || seg.Trim() is ".." ) return null;
        if (rel.Contains("//", StringComparison.Ordinal)) return null;
        return rel;
    }

    private static (string Path, byte[] Bytes)? Find(SiteSnapshot s, string rel)
    {
        var key = rel.Length == 0 || rel.EndsWith('/') ? rel + "index.html" : rel;
        return s.Files.TryGetValue(key, out var bytes) ? (key, bytes) : null;
    }

    private async Task SendHtml(HttpContext ctx, int status, byte[] html, bool banner = true)
    {
        if (_liveReload)
        {
            var text = Encoding.UTF8.GetString(html);
            if (banner && _snapshot.Errors is { Count: > 0 } errors) text = WithBanner(text, ErrorPage.Banner(errors.Count, ErrorsPath));
            var at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            var tag = $"<script src=\"{ReloadScriptPath}\" defer></script>";
            text = at >= 0 ? text.Insert(at, tag) : text + tag;
            html = Encoding.UTF8.GetBytes(text);
            ctx.Response.Headers.CacheControl = "no-store";
        }
        await Send(ctx, status, "text/html; charset=utf-8", html);
    }

    /// <summary>The page with the banner first in its body (the page is the theme's: found by its tag, not changed in the theme).</summary>
    private static string WithBanner(string html, string banner)
    {
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var open = body < 0 ? -1 : html.IndexOf('>', body);
        return open < 0 ? banner + html : html.Insert(open + 1, banner);
    }

    private static async Task Send(HttpContext ctx, int status, string type, byte[] body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = type;
        ctx.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(ctx.Request.Method)) await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted);
    }

    private async Task Events(HttpContext ctx)
    {
        ctx.Response.ContentType = "text/event-stream";
        ctx.Response.Headers.CacheControl = "no-store";
        var stopping = _app.Lifetime.ApplicationStopping;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, stopping);
        Interlocked.Increment(ref _clients);
        try
        {
            await ctx.Response.WriteAsync(": connected\n\n", cts.Token);
            await ctx.Response.Body.FlushAsync(cts.Token);
            var version = _snapshot.Version;
            while (!cts.IsCancellationRequested)
            {
                Task changed;
                lock (_waitersLock) changed = _changed.Task;
                if (_snapshot.Version != version) changed = Task.CompletedTask;
                var done = await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(15), cts.Token));
                if (cts.IsCancellationRequested) break;
                if (done == changed && _snapshot.Version != version)
                {
                    version = _snapshot.Version;
                    await ctx.Response.WriteAsync($"event: reload\ndata: {version}\n\n", cts.Token);
                }
                else await ctx.Response.WriteAsync(": keep-alive\n\n", cts.Token);
                await ctx.Response.Body.FlushAsync(cts.Token);
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        finally { Interlocked.Decrement(ref _clients); }
    }

    public static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".xml" => path.EndsWith("feed.xml", StringComparison.Ordinal) ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        ".json" => "application/json",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".ico" => "image/x-icon",
        ".woff2" => "font/woff2",
        _ => "application/octet-stream",
    };
}
