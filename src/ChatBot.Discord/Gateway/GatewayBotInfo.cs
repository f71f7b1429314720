namespace ChatBot.Discord.Gateway;

/// <summary><c>GET /gateway/bot</c>: the URL, recommended shards and the daily session-start budget.</summary>
internal sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);
