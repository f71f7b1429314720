using ChatBot.Core.Answering;
using ChatBot.Core.Moderation;
using ChatBot.Core.Replies;
using ChatBot.Slack.Handling;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Moderation;

/// <summary>
/// <c>/sleepfaq admin …</c>: moderators get Core's <see cref="ModeratorCommands"/> reply, everyone else
/// Core's polite refusal. Both are ordinary replies (caveat and doctor advice included).
/// </summary>
public sealed partial class AdminCommandHandler(
    ModeratorCheck moderators,
    SafeAnswers answers,
    ModeratorCommands commands,
    ILogger<AdminCommandHandler> logger)
{
    private static readonly HashSet<string> KnownCommands = new(StringComparer.OrdinalIgnoreCase) { "status", "reload", "check", "diff", "gaps", "feedback" };

    private readonly ModeratorCheck _moderators = moderators;
    private readonly SafeAnswers _answers = answers;
    private readonly ModeratorCommands _commands = commands;
    private readonly ILogger<AdminCommandHandler> _logger = logger;

    /// <summary>True when <paramref name="text"/> starts with the admin word; <paramref name="command"/> is the rest.</summary>
    public static bool TryParse(string text, string adminWord, out string command)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOfAny([' ', '\t', '\n']);
        var first = end < 0 ? trimmed : trimmed[..end];
        command = end < 0 ? "" : trimmed[end..].Trim();
        return first.Equals(adminWord, StringComparison.OrdinalIgnoreCase);
    }

    public async Task<Reply> RunAsync(string command, string? userId, CancellationToken cancellationToken)
    {
        var word = command.Split(' ', 2)[0];
        var logged = KnownCommands.Contains(word) ? word.ToLowerInvariant() : "(other)";
        if (!await _moderators.IsModeratorAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            LogRefused(logged);
            return _answers.Run(e => e.Notice(NoticeKind.Refusal));
        }

        LogRunning(logged);
        try
        {
            return await _commands.RunAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, logged);
            return _answers.Run(e => e.Notice(NoticeKind.Error));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack: refused moderator command {Command} from a non-moderator.")]
    private partial void LogRefused(string command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack: moderator command {Command}.")]
    private partial void LogRunning(string command);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack: moderator command {Command} failed; sending the error notice.")]
    private partial void LogFailed(Exception exception, string command);
}
