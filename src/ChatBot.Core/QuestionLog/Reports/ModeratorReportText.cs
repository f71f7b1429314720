using System.Globalization;
using System.Text;
namespace ChatBot.Core.QuestionLog.Reports;

/// <summary>
/// Plain-text rendering of the moderator reports, shared by the CLI and the moderator chat commands
/// (which wrap it in a Reply, so it carries the caveats like any message).
/// </summary>
public static class ModeratorReportText
{
    public const string Disabled = "The question log is off (QuestionLog:Enabled=false): there is nothing to report.";

    /// <summary>The gap report; <paramref name="maxGroups"/> keeps it short for chat message limits.</summary>
    public static string Gaps(GapReport report, int maxGroups = ModeratorReports.MaxGroups)
    {
        if (!report.LogEnabled)
        {
            return Disabled;
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Gaps of the last {report.Days} day(s), since {report.Since:yyyy-MM-dd HH:mm} UTC: {report.Gaps} of {report.Questions} question(s) unanswered, clarified or low-confidence.");
        if (report.Withheld > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{report.Withheld} of them raised a safety flag; their text is not stored.");
        }

        foreach (var group in report.Groups.Take(maxGroups))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{group.Count,4}x  \"{Clean(group.Question)}\"  ({People(group.People)}no answer {group.NoAnswer}, clarify {group.Clarify}, low confidence {group.LowConfidence}; nearest entry {group.NearestEntryId ?? "-"}; last {group.LastAsked:yyyy-MM-dd HH:mm})");
            foreach (var sample in group.Samples)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"       also: \"{Clean(sample)}\"");
            }
        }

        if (report.Groups.Count == 0)
        {
            text.AppendLine("No gaps with stored text in this period.");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The feedback report; <paramref name="maxEntries"/> keeps it short for chat message limits.</summary>
    public static string Feedback(FeedbackReport report, int maxEntries = ModeratorReports.MaxGroups)
    {
        if (!report.LogEnabled)
        {
            return Disabled;
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Feedback since {report.Since:yyyy-MM-dd HH:mm} UTC: {report.Votes} vote(s).");
        foreach (var entry in report.Entries.Take(maxEntries))
        {
            var name = entry.EntryId is null ? "(no entry: the no-answer reply)" : $"{entry.EntryId}{(entry.Title is null ? " (no longer in the FAQ)" : $" \"{entry.Title}\"")}";
            text.AppendLine(CultureInfo.InvariantCulture, $"{entry.Down,4} down {entry.Up,4} up  {name}");
            foreach (var sample in entry.Samples)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"       asked: \"{Clean(sample)}\"");
            }
        }

        if (report.Entries.Count == 0)
        {
            text.AppendLine("No entry has a thumbs-down in this period.");
        }

        return text.ToString().TrimEnd();
    }

    private static string People(int count) => count switch
    {
        0 => "",
        1 => "1 person; ",
        _ => $"{count} people; ",
    };

    /// <summary>Stored text is normalised already; this keeps a terminal or chat safe from anything that slipped through.</summary>
    private static string Clean(string text)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return clean.Length <= 160 ? clean : clean[..157] + "...";
    }
}
