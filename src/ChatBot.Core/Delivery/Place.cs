namespace ChatBot.Core.Delivery;

/// <summary>
/// Where a question was asked, as far as delivering its reply goes: the platform, and whether the reply is
/// seen by the asker alone (a DM, an ephemeral reply) or by others too (a channel or thread).
/// </summary>
public sealed record Place
{
    private Place(string platform, bool isDirectMessage, bool isPublic) =>
        (Platform, IsDirectMessage, IsPublic) = (platform, isDirectMessage, isPublic);

    /// <summary>The adapter's platform name (<c>discord</c>, <c>slack</c>), as in <see cref="Answering.AskContext.Platform"/>.</summary>
    public string Platform { get; }

    public bool IsDirectMessage { get; }

    /// <summary>Others see the reply where it was asked. Never true of a DM.</summary>
    public bool IsPublic { get; }

    /// <summary>A conversation between the asker and the bot alone.</summary>
    public static Place DirectMessage(string platform) => new(platform, true, false);

    /// <summary>A channel or thread: others see the reply.</summary>
    public static Place PublicChannel(string platform) => new(platform, false, true);

    /// <summary>A channel, but the reply is shown to the asker alone (an ephemeral slash-command or button reply).</summary>
    public static Place AskerOnly(string platform) => new(platform, false, false);
}
