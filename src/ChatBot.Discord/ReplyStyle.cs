namespace ChatBot.Discord;

/// <summary>How replies look in Discord.</summary>
public enum ReplyStyle
{
    /// <summary>A rich embed with fields for the source, evidence, caveats and doctor advice.</summary>
    Embed,

    /// <summary>Plain message content, for servers or users that hide embeds.</summary>
    Plain,
}
