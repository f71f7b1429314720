using System.Text.Json.Nodes;

namespace ChatBot.Slack.Dispatch;

/// <summary>
/// The one chance to answer a slash command inside its ack. The transport waits a short budget for
/// <see cref="Payload"/>, then acks (with the payload, or empty once <see cref="Expire"/> won the race).
/// </summary>
public sealed class SlashAck
{
    private readonly TaskCompletionSource<JsonObject?> _payload = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<JsonObject?> Payload => _payload.Task;

    /// <summary>False when the ack already went out empty; the handler then uses response_url.</summary>
    public bool TryRespond(JsonObject payload) => _payload.TrySetResult(payload);

    public void Expire() => _payload.TrySetResult(null);

    /// <summary>Waits up to <paramref name="budget"/> for the handler, then returns what the ack should carry.</summary>
    public async Task<JsonObject?> WaitAsync(TimeSpan budget, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await _payload.Task.WaitAsync(budget, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Expire();
        }
        catch (OperationCanceledException)
        {
            Expire();
        }

        return await _payload.Task.ConfigureAwait(false);
    }
}
