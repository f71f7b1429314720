namespace ChatBot.Slack.Rendering;

/// <summary>Block Kit limits (docs.slack.dev block reference).</summary>
public static class BlockLimits
{
    public const int Blocks = 50;
    public const int SectionText = 3000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ActionElements = 25;
    public const int ButtonText = 75;
    public const int ActionId = 255;
    public const int ButtonValue = 2000;

    /// <summary>Slack advises keeping a message's fallback <c>text</c> within 4,000 chars.</summary>
    public const int FallbackText = 4000;

    public const int RelatedButtons = 5;

    /// <summary>
    /// Slack refuses an ephemeral message (<c>chat.postEphemeral</c>, an ephemeral <c>response_url</c> reply or
    /// slash-command answer) past about 4,000 bytes of text (<c>msg_too_long</c>). Ours stay a little under, with
    /// the fallback text and every text of the blocks counted together, in UTF-8 bytes.
    /// </summary>
    public const int EphemeralTextBytes = 3900;

    /// <summary>An ephemeral's fallback text carries only this much of the answer (it is shown with the blocks, never alone).</summary>
    public const int EphemeralPreviewBytes = 300;
}
