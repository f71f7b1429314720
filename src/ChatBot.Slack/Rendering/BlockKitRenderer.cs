using System.Text.Json.Nodes;
using ChatBot.Core.Replies;

namespace ChatBot.Slack.Rendering;

/// <summary>
/// Turns a Core <see cref="Reply"/> into Block Kit within Slack's limits, walking its sections in Core's order.
/// Every piece of text is escaped (none of it is ours to trust), every mrkdwn object is <c>verbatim</c>. When
/// space runs out only trimmable sections (the bot's message, the answer, the quotes) are shortened; the
/// fixed ones (safety guidance, caveats, doctor advice) never are.
/// </summary>
public sealed class BlockKitRenderer
{
    public SlackMessage Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var header = string.IsNullOrWhiteSpace(reply.Title) ? null : Header(reply.Title);
        var actions = ActionsBlock(reply);
        var parts = reply.Sections.Select(s => (Section: s, Blocks: Blocks(reply, s))).Where(p => p.Blocks.Count > 0).ToList();

        // Fixed sections keep every block; trimmable ones share what is left, each keeping one block while it
        // can and the rest going to the first ones.
        var room = BlockLimits.Blocks - parts.Where(p => p.Section.IsFixed).Sum(p => p.Blocks.Count) - (header is null ? 0 : 1) - (actions is null ? 0 : 1);
        var trimmable = parts.Where(p => !p.Section.IsFixed).ToList();
        var spare = room - trimmable.Count;
        foreach (var part in trimmable)
        {
            var keep = spare >= 0 ? Math.Min(part.Blocks.Count, 1 + spare) : Math.Min(1, Math.Max(room, 0));
            spare -= spare >= 0 ? keep - 1 : 0;
            room -= keep;
            Shorten(part.Blocks, keep);
        }

        var blocks = new JsonArray();
        Add(blocks, header);
        foreach (var block in parts.SelectMany(p => p.Blocks))
        {
            blocks.Add(block);
        }

        Add(blocks, actions);
        return new SlackMessage(FallbackText(reply), blocks);
    }

    /// <summary>
    /// The notification text: title, safety guidance, the bot's message, the answer, caveats and doctor advice,
    /// in section order. Only the title and the trimmable sections are shortened to fit.
    /// </summary>
    internal static string FallbackText(Reply reply)
    {
        var parts = new List<RenderedPart>();
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            parts.Add(new RenderedPart(SlackText.Escape(reply.Title), SectionFit.Trimmable));
        }

        foreach (var section in reply.Sections)
        {
            var text = section.Kind switch
            {
                ReplySectionKind.SafetyGuidance => string.Join("\n", ReplySections.SafetyInOrder(reply).Select(s => $"{SlackText.Escape(s.Label)}: {SlackText.Escape(s.Message)}")),
                ReplySectionKind.Message => SlackText.Escape(reply.Message),
                ReplySectionKind.Answer => SlackText.Escape(reply.Answer),
                ReplySectionKind.Caveats => string.Join("\n", reply.Caveats.Select(c => "Note: " + SlackText.Escape(c))),
                ReplySectionKind.DoctorAdvice => SlackText.Escape(reply.DoctorAdvice),
                _ => "",
            };
            parts.Add(new RenderedPart(string.IsNullOrWhiteSpace(text) ? "" : text, section.Fit));
        }

        return SectionFitting.Join(parts, "\n", BlockLimits.FallbackText, SlackText.Trim);
    }

    /// <summary>A section's blocks. The choices and related questions are buttons (<see cref="ActionsBlock"/>); the quotes and the evidence share one context block.</summary>
    private static List<JsonObject> Blocks(Reply reply, ReplySection section) => section.Kind switch
    {
        ReplySectionKind.SafetyGuidance => ReplySections.SafetyInOrder(reply).SelectMany(s => Sections($":warning: *{SlackText.Escape(s.Label)}*\n{SlackText.Escape(s.Message)}")).ToList(),
        ReplySectionKind.Message => Text(reply.Message),
        ReplySectionKind.Answer => Text(reply.Answer),
        ReplySectionKind.Quotes => SourcesBlock(reply),
        ReplySectionKind.Evidence when reply.Citations.Count == 0 => SourcesBlock(reply),
        ReplySectionKind.Caveats => CaveatBlocks(reply.Caveats),
        ReplySectionKind.DoctorAdvice => Sections(":stethoscope: " + SlackText.Escape(reply.DoctorAdvice)),
        _ => [],
    };

    private static List<JsonObject> Text(string text) => string.IsNullOrWhiteSpace(text) ? [] : Sections(SlackText.Escape(text));

    /// <summary>Keeps the first <paramref name="keep"/> blocks; a cut text ends with an ellipsis.</summary>
    private static void Shorten(List<JsonObject> blocks, int keep)
    {
        if (keep >= blocks.Count)
        {
            return;
        }

        blocks.RemoveRange(keep, blocks.Count - keep);
        if (keep > 0 && blocks[^1]["type"]?.GetValue<string>() == "section")
        {
            var text = (string)blocks[^1]["text"]!["text"]!;
            blocks[^1] = Section(SlackText.Trim(text + " …", BlockLimits.SectionText));
        }
    }

    private static List<JsonObject> CaveatBlocks(IReadOnlyList<string> caveats)
    {
        var elements = caveats
            .SelectMany(c => SlackText.Chunk("_" + SlackText.Escape(c) + "_", BlockLimits.SectionText))
            .ToList();
        return elements.Chunk(BlockLimits.ContextElements)
            .Select(group => Context(group))
            .ToList();
    }

    private static List<JsonObject> SourcesBlock(Reply reply)
    {
        var elements = reply.Citations
            .Take(BlockLimits.ContextElements - 1)
            .Select(c => SlackText.Trim(
                $"“{SlackText.Escape(c.Quote)}” — {SlackText.Escape(c.SourceTitle)}, {SlackText.Escape(c.Location)}",
                BlockLimits.SectionText))
            .ToList();
        if (!string.IsNullOrWhiteSpace(reply.Evidence))
        {
            elements.Add(SlackText.Trim("*Evidence:* " + SlackText.Escape(reply.Evidence), BlockLimits.SectionText));
        }

        return elements.Count == 0 ? [] : [Context(elements)];
    }

    private static JsonObject? ActionsBlock(Reply reply)
    {
        var elements = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var questions = reply.Sections.SelectMany(s => s.Kind switch
        {
            ReplySectionKind.Choices => reply.Choices,
            ReplySectionKind.Related => reply.Related,
            _ => [],
        });
        foreach (var q in questions)
        {
            var actionId = ActionIds.RelatedPrefix + q.EntryId;
            if (elements.Count >= BlockLimits.RelatedButtons || actionId.Length > BlockLimits.ActionId
                || q.EntryId.Length > BlockLimits.ButtonValue || !seen.Add(actionId))
            {
                continue;
            }

            elements.Add(Button(q.Question, actionId, q.EntryId));
        }

        if (reply.Outcome != ReplyOutcome.Notice)
        {
            var value = ActionIds.FeedbackValue(reply.Id, reply.EntryId);
            if (value.Length <= BlockLimits.ButtonValue)
            {
                elements.Add(Button("👍 Helpful", ActionIds.FeedbackUp, value));
                elements.Add(Button("👎 Not helpful", ActionIds.FeedbackDown, value));
            }
        }

        return elements.Count == 0 ? null : new JsonObject { ["type"] = "actions", ["block_id"] = "actions", ["elements"] = elements };
    }

    private static JsonObject Header(string title) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(SlackText.Trim(SlackText.Escape(title), BlockLimits.HeaderText)),
    };

    private static List<JsonObject> Sections(string escaped) =>
        SlackText.Chunk(escaped, BlockLimits.SectionText).Select(Section).ToList();

    private static JsonObject Section(string escaped) => new() { ["type"] = "section", ["text"] = Mrkdwn(escaped) };

    private static JsonObject Context(IEnumerable<string> escapedElements) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(escapedElements.Select(e => (JsonNode)Mrkdwn(e)).ToArray()),
    };

    private static JsonObject Button(string label, string actionId, string value) => new()
    {
        ["type"] = "button",
        ["text"] = PlainText(SlackText.Trim(SlackText.Escape(label), BlockLimits.ButtonText)),
        ["action_id"] = actionId,
        ["value"] = value,
    };

    private static JsonObject Mrkdwn(string escaped) => new() { ["type"] = "mrkdwn", ["text"] = escaped, ["verbatim"] = true };

    private static JsonObject PlainText(string escaped) => new() { ["type"] = "plain_text", ["text"] = escaped, ["emoji"] = true };

    private static void Add(JsonArray blocks, JsonObject? block)
    {
        if (block is not null)
        {
            blocks.Add(block);
        }
    }
}
