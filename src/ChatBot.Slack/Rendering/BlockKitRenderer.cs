using System.Text.Json.Nodes;
using ChatBot.Core.Replies;

namespace ChatBot.Slack.Rendering;

/// <summary>
/// Turns a Core <see cref="Reply"/> into Block Kit within Slack's limits. Every piece of text is escaped
/// (none of it is ours to trust), every mrkdwn object is <c>verbatim</c>. When space runs out the answer
/// is trimmed; the safety guidance, caveats and doctor advice never are.
/// </summary>
public sealed class BlockKitRenderer
{
    public SlackMessage Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var safety = reply.Safety.SelectMany(s => Sections($":warning: *{SlackText.Escape(s.Label)}*\n{SlackText.Escape(s.Message)}")).ToList();
        var caveats = CaveatBlocks(reply.Caveats);
        var doctor = Sections(":stethoscope: " + SlackText.Escape(reply.DoctorAdvice));
        var header = string.IsNullOrWhiteSpace(reply.Title) ? null : Header(reply.Title);
        var sources = SourcesBlock(reply);
        var actions = ActionsBlock(reply);

        var optional = (header is null ? 0 : 1) + (sources is null ? 0 : 1) + (actions is null ? 0 : 1);
        var budget = BlockLimits.Blocks - safety.Count - caveats.Count - doctor.Count - optional;
        var body = BodyBlocks(reply, Math.Max(budget, 1));

        var blocks = new JsonArray();
        Add(blocks, header);
        foreach (var block in safety.Concat(body))
        {
            blocks.Add(block);
        }

        Add(blocks, sources);
        foreach (var block in caveats.Concat(doctor))
        {
            blocks.Add(block);
        }

        Add(blocks, actions);
        return new SlackMessage(FallbackText(reply), blocks);
    }

    internal static string FallbackText(Reply reply)
    {
        var fixedParts = new List<string>();
        fixedParts.AddRange(reply.Safety.Select(s => $"{SlackText.Escape(s.Label)}: {SlackText.Escape(s.Message)}"));
        fixedParts.AddRange(reply.Caveats.Select(c => "Note: " + SlackText.Escape(c)));
        fixedParts.Add(SlackText.Escape(reply.DoctorAdvice));
        var tail = string.Join("\n", fixedParts);

        var head = string.Join("\n", new[] { reply.Title, reply.Message, reply.Answer }
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(SlackText.Escape));
        var room = BlockLimits.FallbackText - tail.Length - 1;
        if (head.Length == 0)
        {
            return tail;
        }

        return room <= 1 ? tail : SlackText.Trim(head, room) + "\n" + tail;
    }

    private static List<JsonObject> BodyBlocks(Reply reply, int budget)
    {
        var chunks = new List<string>();
        if (!string.IsNullOrWhiteSpace(reply.Message))
        {
            chunks.AddRange(SlackText.Chunk(SlackText.Escape(reply.Message), BlockLimits.SectionText));
        }

        if (!string.IsNullOrWhiteSpace(reply.Answer))
        {
            chunks.AddRange(SlackText.Chunk(SlackText.Escape(reply.Answer), BlockLimits.SectionText));
        }

        if (chunks.Count > budget)
        {
            var last = chunks[budget - 1];
            chunks = chunks.Take(budget - 1).ToList();
            chunks.Add(SlackText.Trim(last + " …", BlockLimits.SectionText));
        }

        return chunks.Select(Section).ToList();
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

    private static JsonObject? SourcesBlock(Reply reply)
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

        return elements.Count == 0 ? null : Context(elements);
    }

    private static JsonObject? ActionsBlock(Reply reply)
    {
        var elements = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in reply.Choices.Concat(reply.Related))
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
