namespace ChatBot.Discord.Rest;

/// <summary>How a route is authenticated and limited.</summary>
internal enum RouteKind
{
    /// <summary>Bot-token route: per-route bucket and the global limit.</summary>
    Bot,

    /// <summary>Interaction webhook (@original, follow-ups): per-route bucket, exempt from the global limit, no bot token.</summary>
    Webhook,

    /// <summary>The initial interaction response: no bucket, no global limit, no bot token.</summary>
    InteractionCallback,
}
