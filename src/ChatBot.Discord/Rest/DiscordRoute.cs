namespace ChatBot.Discord.Rest;

/// <summary>
/// One REST call's identity for rate limiting: the route template plus its major parameter
/// (channel, guild or webhook). Interaction callbacks skip the queues and the global limit.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter, RouteKind Kind = RouteKind.Bot)
{
    public string RouteKey => $"{Method.Method} {Template}";

    public static DiscordRoute GetGatewayBot() => new(HttpMethod.Get, "/gateway/bot", "/gateway/bot", "");

    public static DiscordRoute GetCurrentApplication() => new(HttpMethod.Get, "/applications/@me", "/applications/@me", "");

    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, "/channels/{channel_id}/messages", $"/channels/{channelId}/messages", channelId);

    public static DiscordRoute CreateDm() => new(HttpMethod.Post, "/users/@me/channels", "/users/@me/channels", "");

    public static DiscordRoute InteractionCallback(string interactionId, string token) =>
        new(HttpMethod.Post, "/interactions/{id}/{token}/callback", $"/interactions/{interactionId}/{Uri.EscapeDataString(token)}/callback", interactionId, RouteKind.InteractionCallback);

    public static DiscordRoute EditOriginal(string applicationId, string token) =>
        new(HttpMethod.Patch, "/webhooks/{application_id}/{token}/messages/@original", $"/webhooks/{applicationId}/{Uri.EscapeDataString(token)}/messages/@original", $"{applicationId}/{token}", RouteKind.Webhook);

    public static DiscordRoute FollowUp(string applicationId, string token) =>
        new(HttpMethod.Post, "/webhooks/{application_id}/{token}", $"/webhooks/{applicationId}/{Uri.EscapeDataString(token)}", $"{applicationId}/{token}", RouteKind.Webhook);

    public static DiscordRoute BulkOverwriteCommands(string applicationId, string? guildId) => guildId is null
        ? new(HttpMethod.Put, "/applications/{application_id}/commands", $"/applications/{applicationId}/commands", applicationId)
        : new(HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands", $"/applications/{applicationId}/guilds/{guildId}/commands", guildId);

    /// <summary>The path for logs: interaction and webhook tokens are secrets too.</summary>
    public override string ToString() => $"{Method.Method} {Template}";
}
