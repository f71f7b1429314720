using ChatBot.Discord.Configuration;
using ChatBot.Discord.Moderation;

namespace ChatBot.Discord.Interactions;

/// <summary>
/// The slash commands: <c>/ask question</c>, <c>/faq show topic</c>, <c>/faq list</c>, <c>/about</c>, and the
/// moderators' <c>/faqadmin status|reload|check message|diff|gaps [days]|feedback</c> (name from <see cref="DiscordOptions.AdminCommandName"/>).
/// </summary>
internal static class CommandDefinitions
{
    public const string Ask = "ask";
    public const string Faq = "faq";
    public const string FaqShow = "show";
    public const string FaqList = "list";
    public const string About = "about";
    public const string QuestionOption = "question";
    public const string TopicOption = "topic";
    public const string AdminStatus = "status";
    public const string AdminReload = "reload";
    public const string AdminGaps = "gaps";
    public const string AdminFeedback = "feedback";
    public const string AdminCheck = "check";
    public const string AdminDiff = "diff";
    public const string MessageOption = "message";
    public const string DaysOption = "days";
    public const int MaxQuestionLength = 500;
    public const int MaxGapDays = 3650;

    public static IReadOnlyList<string> PublicNames { get; } = [Ask, Faq, About];

    public static IReadOnlyList<CommandPayload> Public { get; } =
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

    /// <summary>Every command to register: the public ones and the moderators' one.</summary>
    public static IReadOnlyList<CommandPayload> All(DiscordOptions options) => [.. Public, Admin(options.AdminCommandName)];

    /// <summary>Guild-only, and hidden by default from members without Manage Guild; <see cref="ModeratorCheck"/> checks again.</summary>
    public static CommandPayload Admin(string name) => new(name, "FAQ moderators: knowledge status, reload, check, diff, gaps, feedback",
    [
        new(CommandOptionPayload.SubCommand, AdminStatus, "Knowledge version, entry count, last reload and its errors"),
        new(CommandOptionPayload.SubCommand, AdminReload, "Rescan the knowledge folder now"),
        new(CommandOptionPayload.SubCommand, AdminCheck, "What the bot would do with a message, and why",
            Options: [new(CommandOptionPayload.String, MessageOption, "The message to check", Required: true, MaxLength: MaxQuestionLength)]),
        new(CommandOptionPayload.SubCommand, AdminDiff, "What the saved knowledge folder answers differently from the live version"),
        new(CommandOptionPayload.SubCommand, AdminGaps, "Top unanswered and low-confidence questions, grouped",
            Options: [new(CommandOptionPayload.Integer, DaysOption, "Look back this many days (default 7)", MinValue: 1, MaxValue: MaxGapDays)]),
        new(CommandOptionPayload.SubCommand, AdminFeedback, "FAQ entries with the most 👎, with sample questions"),
    ])
    {
        Contexts = [0],
        DefaultMemberPermissions = (long)DiscordPermissions.ManageGuild,
    };
}
