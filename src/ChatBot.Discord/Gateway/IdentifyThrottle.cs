using ChatBot.Core.Coordination;
using ChatBot.Core.Operations;
using ChatBot.Discord.Handling;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// One IDENTIFY per rate-limit key (<c>shard_id % max_concurrency</c>) per 5 seconds across every instance
/// of the bot (a lock per key through <see cref="IInstanceCoordination"/>, held 5 seconds past each
/// IDENTIFY), and a refusal to IDENTIFY when the daily session-start budget runs low (exhausting it resets the token).
/// </summary>
internal sealed class IdentifyThrottle(IInstanceCoordination coordination, BotIdentity identity, TimeProvider time)
{
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(5);

    private readonly IInstanceCoordination _coordination = coordination;
    private readonly BotIdentity _identity = identity;
    private readonly TimeProvider _time = time;

    /// <summary>Waits for this shard's turn; <see cref="IdentifyTurn.Sent"/> must follow the IDENTIFY, sent or not.</summary>
    public async Task<IdentifyTurn> WaitAsync(int shardId, SessionStartLimit limit, int minLeft, CancellationToken cancellationToken)
    {
        if (limit.Remaining < minLeft)
        {
            throw new FatalPlatformException(
                "Discord",
                $"Discord session-start budget nearly exhausted ({limit.Remaining} of {limit.Total} left, resets in {TimeSpan.FromMilliseconds(limit.ResetAfter):hh\\:mm}): not identifying, to protect the token (Discord:MinSessionStartsLeft).");
        }

        var key = shardId % Math.Max(1, limit.MaxConcurrency);
        var held = await _coordination.AcquireAsync($"discord:identify:{_identity.ApplicationId}:{key}", cancellationToken).ConfigureAwait(false);
        return new IdentifyTurn(held, _time);
    }
}
