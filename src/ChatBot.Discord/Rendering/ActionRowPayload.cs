namespace ChatBot.Discord.Rendering;

/// <summary><c>ActionRowComponentForMessageRequest</c>.</summary>
internal sealed record ActionRowPayload(IReadOnlyList<ButtonPayload> Components)
{
    public int Type => 1;
}
