namespace ChatBot.Discord.Interactions;

/// <summary>The slash commands: <c>/ask question</c>, <c>/faq show topic</c>, <c>/faq list</c>, <c>/about</c>.</summary>
internal static class CommandDefinitions
{
    public const string Ask = "ask";
    public const string Faq = "faq";
    public const string FaqShow = "show";
    public const string FaqList = "list";
    public const string About = "about";
    public const string QuestionOption = "question";
    public const string TopicOption = "topic";
    public const int MaxQuestionLength = 500;

    public static IReadOnlyList<CommandPayload> All { get; } =
    [
        new(Ask, "Ask about magnesium L-threonate and sleep; answers cite the FAQ's source.",
        [
            new(CommandOptionPayload.String, QuestionOption, "Your question", Required: true, MaxLength: MaxQuestionLength),
        ]),
        new(Faq, "Browse the FAQ",
        [
            new(CommandOptionPayload.SubCommand, FaqShow, "Show one FAQ entry",
                Options: [new(CommandOptionPayload.String, TopicOption, "Start typing to pick a topic", Required: true, Autocomplete: true)]),
            new(CommandOptionPayload.SubCommand, FaqList, "List every FAQ topic"),
        ]),
        new(About, "What this bot is, its single source, and the disclaimer"),
    ];
}
