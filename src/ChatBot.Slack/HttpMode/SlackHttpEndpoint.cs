namespace ChatBot.Slack.HttpMode;

/// <summary>Where HTTP mode actually listens (useful with port 0).</summary>
public sealed class SlackHttpEndpoint
{
    public IReadOnlyList<Uri> Addresses { get; internal set; } = [];
}
