using ChatBot.Core.Delivery;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Handling;

/// <summary>
/// What became of one reply's posts. When none went out and Slack certainly did not act on the last one (it could not
/// be reached, answered 5xx or kept rate-limiting past every retry, or the channel's lane was full), the event is
/// given back (<c>undelivered</c>), so Slack's redelivery of it is answered. Once any post went out it is not: a
/// redelivery must never answer twice.
/// </summary>
internal sealed class DeliveryAttempt(Func<Task>? undelivered)
{
    private bool _reached;

    /// <summary>One post of the reply (the answer, a safety notice, the private guidance).</summary>
    public async Task<SlackApiResponse> PostAsync(Task<SlackApiResponse> post)
    {
        var response = await post.ConfigureAwait(false);
        _reached |= response.Ok;
        return response;
    }

    /// <summary>The delivery ended with <paramref name="last"/>, the answer to its last post.</summary>
    public Task EndedAsync(SlackApiResponse last) => SlackErrors.NotActedOn(last.Error) ? GiveBackAsync() : Task.CompletedTask;

    /// <summary>The delivery ended with an exception (the lane reports it).</summary>
    public Task FailedAsync(Exception exception) =>
        exception is HttpRequestException or LaneFullException ? GiveBackAsync() : Task.CompletedTask;

    private Task GiveBackAsync() => _reached || undelivered is null ? Task.CompletedTask : undelivered();
}
