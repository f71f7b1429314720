namespace ChatBot.Discord;

/// <summary>How a reply that carries safety guidance is delivered in a public channel.</summary>
public enum PublicSafetyMode
{
    /// <summary>A brief public notice; the full guidance ephemerally (interactions) or by DM (messages).</summary>
    Private,

    /// <summary>The full reply in the channel.</summary>
    Public,
}
