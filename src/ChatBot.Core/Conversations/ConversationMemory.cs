using Microsoft.Extensions.Options;

namespace ChatBot.Core.Conversations;

/// <summary>
/// The last answered question per person in each conversation (a thread, a channel or a DM), for follow-ups, so
/// one person's question never replaces another's in a busy channel. Bounded: turns
/// older than the window are forgotten, and at <see cref="ConversationOptions.MaxConversations"/> the oldest go first.
/// Held in memory only; user text here is never logged or stored.
/// </summary>
public sealed class ConversationMemory(IOptions<ConversationOptions> options, TimeProvider time)
{
    private readonly ConversationOptions _options = options.Value;
    private readonly Dictionary<string, ConversationTurn> _turns = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _turns.Count;
            }
        }
    }

    /// <summary>The previous turn when it is recent and was <paramref name="user"/>'s own; otherwise null.</summary>
    public ConversationTurn? Previous(string conversation, string user)
    {
        lock (_lock)
        {
            return _turns.TryGetValue(Key(conversation, user), out var turn) && time.GetUtcNow() - turn.At <= _options.Window
                ? turn
                : null;
        }
    }

    public void Remember(string conversation, string user, string question, string entryId)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _turns[Key(conversation, user)] = new ConversationTurn(user, question, entryId, now);
            if (_turns.Count > _options.MaxConversations)
            {
                Forget(now);
            }
        }
    }

    private static string Key(string conversation, string user) => conversation + "\n" + user;

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, _) in _turns.Where(t => now - t.Value.At > _options.Window).ToArray())
        {
            _turns.Remove(key);
        }

        var excess = _turns.Count - (_options.MaxConversations * 9 / 10);
        foreach (var (key, _) in _turns.OrderBy(t => t.Value.At).Take(Math.Max(0, excess)).ToArray())
        {
            _turns.Remove(key);
        }
    }
}
