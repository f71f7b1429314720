namespace ChatBot.Discord.Gateway;

/// <summary><c>GET /gateway/bot</c>: the URL, recommended shards and the daily session-start budget.</summary>
internal sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);

/// <summary>IDENTIFYs left today, when the budget resets, and how many IDENTIFYs may run per 5 s.</summary>
internal sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
