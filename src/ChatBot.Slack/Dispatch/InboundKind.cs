namespace ChatBot.Slack.Dispatch;

public enum InboundKind
{
    Event,
    SlashCommand,
    Interactive,
}
