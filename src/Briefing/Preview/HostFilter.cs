using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Briefing.Preview;

/// <summary>
/// Which requests the preview answers. Listening on 127.0.0.1 is not enough: a page from another site can point its
/// own host name at 127.0.0.1 (DNS rebinding) and then read whatever the preview serves, drafts included. So a request
/// must name the preview itself in its Host header: 127.0.0.1, localhost or [::1] with the port it came in on, or a
/// name the editor admitted with <c>--allow-host</c> (a tunnel forwards on its own port, so any port). The live-reload
/// stream also refuses an Origin that is not such a host. Each refused name is logged once, not once per request.
/// </summary>
public sealed class HostFilter
{
    private static readonly string[] Loopback = ["127.0.0.1", "localhost", "[::1]"];
    // an attacker can send any number of names; the console gets the first ones and one line saying it stops there
    private const int MaxLoggedNames = 20;
    private readonly HashSet<string> _admitted;
    private readonly TextWriter _log;
    private readonly ConcurrentDictionary<string, byte> _logged = new(StringComparer.Ordinal);
    private readonly Lock _logLock = new();

    /// <param name="admitted">Host names from <c>--allow-host</c>, already checked by <see cref="TryNormalize"/>.</param>
    /// <param name="log">Where a refused host or origin is reported (the preview's console).</param>
    public HostFilter(IEnumerable<string>? admitted = null, TextWriter? log = null)
    {
        _admitted = new HashSet<string>(admitted ?? [], StringComparer.Ordinal);
        _log = log ?? TextWriter.Null;
    }

    public IReadOnlyCollection<string> Admitted => _admitted;

    /// <summary>
    /// The host name as it is compared (lower case; an IPv6 address in brackets), or null with the reason when
    /// <paramref name="raw"/> is not a bare host name: a URL, a port, a wildcard or characters a host name cannot have.
    /// </summary>
    public static string? TryNormalize(string raw, out string problem)
    {
        problem = "";
        var name = raw.Trim().ToLowerInvariant();
        if (name.Contains("://", StringComparison.Ordinal) || name.Contains('/'))
            problem = $"--allow-host takes a host name, not a URL: write --allow-host {HostOf(name)}";
        else if (IPAddress.TryParse(name.Trim('[', ']'), out var ip))
            return ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
        else if (name.Contains(':'))
            problem = $"--allow-host takes a host name without a port (any port is admitted): write --allow-host {name[..name.IndexOf(':')]}";
        else if (Uri.CheckHostName(name) != UriHostNameType.Dns)
            problem = $"--allow-host '{raw}' is not a host name: use letters, digits, hyphens and dots, e.g. --allow-host my-tunnel.example.org";
        else return name;
        return null;
    }

    private static string HostOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0 ? u.Host : "NAME";

    /// <summary>Whether the request's Host header names this preview, which received it on <paramref name="ownPort"/>.</summary>
    public bool AllowsHost(HostString host, int ownPort) => host.HasValue && Allows(host.Host, host.Port, ownPort);

    /// <summary>
    /// Whether an Origin header is this preview's own (or absent: a browser sends none on a same-origin GET it
    /// made without fetch). Several origins, "null" (a sandboxed frame, a file) or a malformed one are refused.
    /// </summary>
    public bool AllowsOrigin(Microsoft.Extensions.Primitives.StringValues origin, int ownPort)
    {
        if (origin.Count == 0) return true;
        if (origin.Count > 1 || !Uri.TryCreate(origin[0], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.PathAndQuery != "/" || uri.UserInfo.Length > 0)
            return false;
        return Allows(uri.Host, uri.Port, ownPort);
    }

    private bool Allows(string host, int? port, int ownPort)
    {
        var name = host.ToLowerInvariant();
        if (_admitted.Contains(name)) return true;
        return Array.IndexOf(Loopback, name) >= 0 && (port ?? 80) == ownPort;
    }

    /// <summary>The one-line body of the 403 for a refused host.</summary>
    public string HostRefusal(HostString host, int ownPort)
    {
        var name = Printable(host.HasValue ? host.Host : "");
        return $"Forbidden: this preview answers only http://127.0.0.1:{ownPort}/, http://localhost:{ownPort}/ and http://[::1]:{ownPort}/, "
            + $"not the host '{name}'. To admit that name (e.g. a tunnel), restart the preview with --allow-host {(name.Length > 0 ? name : "NAME")}.\n";
    }

    /// <summary>The one-line body of the 403 for a refused origin on the live-reload stream.</summary>
    public static string OriginRefusal(string origin) =>
        $"Forbidden: the live-reload stream answers only pages of this preview, not the origin '{Printable(origin)}'.\n";

    /// <summary>Writes one console line the first time a host name (or origin) is refused.</summary>
    public void LogOnce(string kind, string value)
    {
        var key = kind + " " + Printable(value).ToLowerInvariant();
        if (_logged.Count > MaxLoggedNames || !_logged.TryAdd(key, 0)) return;
        var now = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var line = _logged.Count > MaxLoggedNames
            ? $"[{now}] more refused host names; they are not logged"
            : kind == "host"
                ? $"[{now}] refused requests for the host '{Printable(value)}' (the preview answers only 127.0.0.1, localhost and [::1]; --allow-host NAME admits a name)"
                : $"[{now}] refused the live-reload stream to the origin '{Printable(value)}'";
        lock (_logLock) _log.WriteLine(line);
    }

    /// <summary>At most 100 printable ASCII characters: header values are the client's, and go to a console and a page.</summary>
    private static string Printable(string value)
    {
        var chars = value.Where(c => c is >= ' ' and <= '~' and not ('\'' or '"' or '<' or '>' or '\\')).Take(100).ToArray();
        return new string(chars);
    }
}
