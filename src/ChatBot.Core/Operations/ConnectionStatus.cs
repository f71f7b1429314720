namespace ChatBot.Core.Operations;

/// <summary>
/// Which platform connections are up, for the readiness check: each adapter reports its connections (a Discord
/// shard, a Slack socket) by name as they come up and go down. Ready when every connection reported is up.
/// </summary>
public sealed class ConnectionStatus
{
    private readonly Dictionary<string, bool> _connections = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Up(string name) => Set(name, up: true);

    public void Down(string name) => Set(name, up: false);

    /// <summary>Forgets a connection that is no longer expected (a start-up placeholder replaced by the real connections).</summary>
    public void Forget(string name)
    {
        lock (_lock)
        {
            _connections.Remove(name);
        }
    }

    /// <summary>Names of the connections that are down (empty when all are up, or none was reported).</summary>
    public IReadOnlyList<string> Down()
    {
        lock (_lock)
        {
            return [.. _connections.Where(c => !c.Value).Select(c => c.Key).Order(StringComparer.Ordinal)];
        }
    }

    private void Set(string name, bool up)
    {
        lock (_lock)
        {
            _connections[name] = up;
        }
    }
}
