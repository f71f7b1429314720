using System.Globalization;
using System.Text;
using ChatBot.Core.Answering;
using ChatBot.Core.QuestionLog.Reports;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Moderation;

/// <summary>
/// The moderators' commands, platform-neutral: <c>status</c>, <c>reload</c>, <c>check MESSAGE</c>, <c>diff</c>,
/// <c>gaps [days]</c>, <c>feedback</c>. Adapters check who is a moderator and render the reply (ephemerally); the
/// reply is an ordinary <see cref="Reply"/>, so it carries the caveat and doctor advice like any other.
/// </summary>
public sealed class ModeratorCommands(IAnswerEngine engine, KnowledgeStore store, KnowledgeWatcher watcher, IModeratorReports reports)
{
    public const string Usage = "Moderator commands: status | reload | check MESSAGE | diff | gaps [days] | feedback";

    /// <summary>Groups, versions and changed messages shown in a chat message; the CLI shows more.</summary>
    private const int MaxLinesInChat = 8;

    public async Task<Reply> RunAsync(string commandLine, CancellationToken cancellationToken)
    {
        var trimmed = commandLine.Trim();
        var split = trimmed.IndexOfAny([' ', '\t', '\n']);
        var (verb, rest) = split < 0 ? (trimmed, "") : (trimmed[..split], trimmed[split..].Trim());
        var text = (verb.ToLowerInvariant(), rest) switch
        {
            ("status", "") => Status(),
            ("reload", "") => (await watcher.ReloadNowAsync(cancellationToken).ConfigureAwait(false)).Describe(),
            ("check", not "") => MessageCheck.Describe(store.Current, rest),
            ("diff", "") => Diff(),
            ("gaps", "") => ModeratorReportText.Gaps(await reports.GapsAsync(7, cancellationToken).ConfigureAwait(false), MaxLinesInChat),
            ("gaps", var days) when int.TryParse(days, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 3650 =>
                ModeratorReportText.Gaps(await reports.GapsAsync(n, cancellationToken).ConfigureAwait(false), MaxLinesInChat),
            ("feedback", "") => ModeratorReportText.Feedback(await reports.FeedbackAsync(cancellationToken).ConfigureAwait(false), MaxLinesInChat),
            _ => Usage,
        };
        return engine.Info(text);
    }

    private string Status()
    {
        var current = store.Current;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Knowledge {current.Version}: {current.Knowledge.Entries.Count} entries, retrieval {current.Retriever.Mode}, live since {current.LoadedAt:u}.");
        if (store.LastReload is { } last)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"Last reload ({last.At:u}): ").Append(last.Describe());
        }

        var history = store.History;
        text.AppendLine().Append("Versions live since start, newest first:");
        foreach (var version in history.Take(MaxLinesInChat))
        {
            text.AppendLine().Append("• ").Append(version.Describe());
        }

        return text.ToString();
    }

    /// <summary>What the knowledge folder, as saved now, would answer differently from the live version; or, when they match, what the last change did.</summary>
    private string Diff()
    {
        var live = store.Current;
        var reading = store.ReadFolder();
        if (reading.Snapshot is null)
        {
            var errors = reading.Result.Errors;
            return string.Join("\n• ", errors.Take(MaxLinesInChat).Select(e => e.ToString())
                .Prepend($"The folder as saved would not go live ({errors.Count} error(s)); still serving {live.Version}:"));
        }

        if (!ReferenceEquals(reading.Snapshot, live))
        {
            return Changes($"The folder as saved ({reading.Snapshot.Version}) against the live version {live.Version}:", live, reading.Snapshot);
        }

        return store.Previous is { } previous
            ? Changes($"The folder matches the live version {live.Version}. What its last change did (from {previous.Version}):", previous, live)
            : $"The folder matches the live version {live.Version}, the first since start: nothing to compare.";
    }

    private static string Changes(string heading, KnowledgeSnapshot before, KnowledgeSnapshot after)
    {
        var changes = KnowledgeDiff.Compare(before, after, KnowledgeDiff.Messages(before, after));
        var text = new StringBuilder(heading);
        foreach (var change in changes.Take(MaxLinesInChat))
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"• \"{change.Message}\": {change.Live} → {change.Edited}");
        }

        text.AppendLine().Append(changes.Count switch
        {
            0 => "No test message or entry question is answered differently.",
            var n when n > MaxLinesInChat => $"… {n} in all; `chatbot faq diff` lists every one.",
            var n => $"{n} message(s) answered differently.",
        });
        return text.ToString();
    }
}
