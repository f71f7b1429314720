using System.Text.Json.Nodes;
using ChatBot.Core.Replies;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Sending;

/// <summary>
/// The one send path: every post, ephemeral, response_url reply and slash-command ack payload is a
/// rendered Core <see cref="Reply"/> and passes <see cref="SendGuard"/> before it leaves.
/// </summary>
public sealed class SlackSender(SlackApiClient api, BlockKitRenderer renderer)
{
    private readonly SlackApiClient _api = api;
    private readonly BlockKitRenderer _renderer = renderer;

    public Task<SlackApiResponse> PostMessageAsync(string channel, string? threadTs, Reply reply, CancellationToken cancellationToken)
    {
        var body = Body(reply, ephemeral: false);
        body["channel"] = channel;
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        return _api.CallAsync("chat.postMessage", SendGuard.Check(body), channel, cancellationToken);
    }

    /// <summary>
    /// Posts the reply to <paramref name="user"/> alone; in several messages when its fixed sections are too long
    /// for one (<see cref="EphemeralParts"/>). Returns the first refusal, or the last response.
    /// </summary>
    public Task<SlackApiResponse> PostEphemeralAsync(string channel, string user, string? threadTs, Reply reply, CancellationToken cancellationToken) =>
        InTurnAsync(EphemeralParts.Of(reply), part =>
        {
            var body = Body(part, ephemeral: true);
            body["channel"] = channel;
            body["user"] = user;
            if (threadTs is not null)
            {
                body["thread_ts"] = threadTs;
            }

            return _api.CallAsync("chat.postEphemeral", SendGuard.Check(body), channel, cancellationToken);
        });

    /// <summary>
    /// Replies through a <c>response_url</c>; an ephemeral reply in several messages when its fixed sections are
    /// too long for one (<see cref="EphemeralParts"/>). Returns the first refusal, or the last response.
    /// </summary>
    public Task<SlackApiResponse> RespondAsync(Uri responseUrl, Reply reply, bool inChannel, CancellationToken cancellationToken) =>
        InTurnAsync(inChannel ? [reply] : EphemeralParts.Of(reply), part =>
        {
            var body = ResponsePayload(part, inChannel);
            body["replace_original"] = false;
            return _api.PostToResponseUrlAsync(responseUrl, SendGuard.Check(body), cancellationToken);
        });

    /// <summary>Sends the parts in order, stopping at the first Slack refuses; returns that refusal or the last response.</summary>
    private static async Task<SlackApiResponse> InTurnAsync(IReadOnlyList<Reply> parts, Func<Reply, Task<SlackApiResponse>> send)
    {
        var response = await send(parts[0]).ConfigureAwait(false);
        for (var i = 1; i < parts.Count && response.Ok; i++)
        {
            response = await send(parts[i]).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>
    /// The message shape a slash command ack (Socket Mode payload or HTTP body) and a response_url reply carry; an
    /// ephemeral one must fit one message (<see cref="EphemeralParts"/>).
    /// </summary>
    public JsonObject ResponsePayload(Reply reply, bool inChannel)
    {
        var body = Body(reply, ephemeral: !inChannel);
        body["response_type"] = inChannel ? "in_channel" : "ephemeral";
        return SendGuard.Check(body);
    }

    /// <summary>An ephemeral message is rendered within Slack's smaller limit for those (about 4,000 bytes of text).</summary>
    private JsonObject Body(Reply reply, bool ephemeral)
    {
        var message = ephemeral ? _renderer.RenderEphemeral(reply) : _renderer.Render(reply);
        return new JsonObject
        {
            ["text"] = message.Text,
            ["blocks"] = message.Blocks.DeepClone(),
            ["unfurl_links"] = false,
            ["unfurl_media"] = false,
        };
    }
}
