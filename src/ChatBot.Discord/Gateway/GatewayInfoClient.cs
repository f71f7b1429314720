using ChatBot.Discord.Rest;

namespace ChatBot.Discord.Gateway;

/// <summary>Fetches <c>GET /gateway/bot</c>; the gateway URL always comes from here, never from configuration.</summary>
internal sealed class GatewayInfoClient(DiscordRestClient rest)
{
    private readonly DiscordRestClient _rest = rest;

    public async Task<GatewayBotInfo> GetAsync(CancellationToken cancellationToken)
    {
        var json = await _rest.SendAsync(DiscordRoute.GetGatewayBot(), null, cancellationToken).ConfigureAwait(false);
        return json is { } element ? DiscordJson.Deserialize<GatewayBotInfo>(element) ?? throw Invalid() : throw Invalid();
    }

    private static DiscordApiException Invalid() => new(200, null, "GET /gateway/bot returned no usable body.");
}
