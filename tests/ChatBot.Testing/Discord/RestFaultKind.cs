namespace ChatBot.Testing.Discord;

public enum RestFaultKind
{
    /// <summary>429 with Discord's headers and body.</summary>
    RateLimited,

    /// <summary>500.</summary>
    ServerError,

    /// <summary>403 Missing Access (code 50001): e.g. the bot cannot see the channel.</summary>
    Forbidden,

    /// <summary>403 with code 50007: the user does not accept direct messages.</summary>
    DirectMessagesClosed,

    /// <summary>400 with code 160002: a reply, where the bot lacks Read Message History.</summary>
    CannotReply,

    /// <summary>The request is processed, then the connection drops before the response.</summary>
    DropAfterProcessing,

    /// <summary>The request is processed (a message is created), then a proxy in front answers 502 Bad Gateway.</summary>
    BadGatewayAfterProcessing,
}
