namespace ChatBot.Discord.Sending;

/// <summary>What is needed to answer an interaction. The token is a secret: never log it.</summary>
internal sealed record InteractionRef(string Id, string Token, string ApplicationId)
{
    public override string ToString() => $"interaction {Id}";
}
