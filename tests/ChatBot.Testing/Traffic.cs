using System.Diagnostics;

namespace ChatBot.Testing;

/// <summary>
/// What a fake server has in flight (requests being answered, frames being written) and when anything last
/// happened, so a test can wait for the fake to go idle instead of sleeping a fixed time to show that nothing
/// else arrives. Idle is judged from the fake's side: work the bot has not started sending yet is invisible to it,
/// which is why idle also needs a short quiet spell.
/// </summary>
public sealed class Traffic
{
    /// <summary>Long enough for a reply the bot is already working on to reach the fake, short enough to keep tests quick.</summary>
    public static readonly TimeSpan DefaultQuietSpell = TimeSpan.FromMilliseconds(150);

    private int _inFlight;
    private long _lastSeen = Stopwatch.GetTimestamp();

    /// <summary>Marks one request or frame as in flight until the returned handle is disposed.</summary>
    public InFlight Begin()
    {
        Interlocked.Increment(ref _inFlight);
        Seen();
        return new InFlight(this);
    }

    /// <summary>Something happened that completes at once (a frame received, say).</summary>
    public void Seen() => Interlocked.Exchange(ref _lastSeen, Stopwatch.GetTimestamp());

    /// <summary>Nothing in flight, and nothing seen for <paramref name="quietSpell"/>.</summary>
    public bool IsQuietFor(TimeSpan quietSpell) =>
        Volatile.Read(ref _inFlight) == 0 && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastSeen)) >= quietSpell;

    private void End()
    {
        Seen();
        Interlocked.Decrement(ref _inFlight);
    }

    public readonly struct InFlight(Traffic traffic) : IDisposable
    {
        public void Dispose() => traffic.End();
    }
}
