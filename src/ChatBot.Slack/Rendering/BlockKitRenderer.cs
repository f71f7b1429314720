using System.Text.Json.Nodes;
using ChatBot.Core.Replies;

namespace ChatBot.Slack.Rendering;

/// <summary>
/// Turns a Core <see cref="Reply"/> into Block Kit within Slack's limits. Every piece of text is escaped
/// (none of it is ours to trust), every mrkdwn object is <c>verbatim</c>. When space runs out the answer
/// (and, in an ephemeral message, the quotes) is trimmed; the safety guidance, caveats and doctor advice never are.
/// </summary>
public sealed class BlockKitRenderer
{
    /// <summary>A trimmed answer or quote shorter than this says nothing; it is left out instead.</summary>
    private const int MinPieceBytes = 24;

    /// <summary>A message posted in a channel (or DM): Block Kit's limits of blocks and of text per block.</summary>
    public SlackMessage Render(Reply reply) => Render(reply, ephemeral: false);

    /// <summary>
    /// A message only its recipient sees (<c>chat.postEphemeral</c>, an ephemeral <c>response_url</c> reply or
    /// slash-command answer): besides Block Kit's limits, all its text stays within
    /// <see cref="BlockLimits.EphemeralTextBytes"/>. The answer gets the room the fixed parts leave, the quotes
    /// what the answer leaves (at least a quarter of it when they need it).
    /// </summary>
    public SlackMessage RenderEphemeral(Reply reply) => Render(reply, ephemeral: true);

    private static SlackMessage Render(Reply reply, bool ephemeral)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var safety = reply.Safety.SelectMany(s => Sections($":warning: *{SlackText.Escape(s.Label)}*\n{SlackText.Escape(s.Message)}")).ToList();
        var caveats = CaveatBlocks(reply.Caveats);
        var doctor = Sections(":stethoscope: " + SlackText.Escape(reply.DoctorAdvice));
        var header = string.IsNullOrWhiteSpace(reply.Title) ? null : Header(reply.Title);
        var actions = ActionsBlock(reply);
        var text = FallbackText(reply, ephemeral ? BlockLimits.EphemeralPreviewBytes : null);

        int? bodyRoom = null;
        var sources = SourcesBlock(reply, null);
        if (ephemeral)
        {
            var room = BlockLimits.EphemeralTextBytes - SlackText.Bytes(text) - TextBytes([.. safety, .. caveats, .. doctor, header, actions]);
            var bodyNeeds = BodyTexts(reply, null).Sum(SlackText.Bytes);
            if (bodyNeeds + TextBytes([sources]) > room)
            {
                sources = SourcesBlock(reply, Math.Max(room - bodyNeeds, room / 4));
                bodyRoom = room - TextBytes([sources]);
            }
        }

        var optional = (header is null ? 0 : 1) + (sources is null ? 0 : 1) + (actions is null ? 0 : 1);
        var budget = BlockLimits.Blocks - safety.Count - caveats.Count - doctor.Count - optional;
        var body = BodyBlocks(reply, Math.Max(budget, 1), bodyRoom);

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
        return new SlackMessage(text, blocks);
    }

    /// <summary>The UTF-8 bytes of every text in these blocks (section and context texts, header, button labels).</summary>
    private static int TextBytes(IEnumerable<JsonNode?> nodes) => nodes.Sum(node => node switch
    {
        JsonObject obj => obj.Sum(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var t) ? SlackText.Bytes(t) : TextBytes([p.Value])),
        JsonArray array => TextBytes(array),
        _ => 0,
    });

    /// <param name="previewBytes">For an ephemeral message: how much of the answer it carries, in UTF-8 bytes.</param>
    internal static string FallbackText(Reply reply, int? previewBytes = null)
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
        if (head.Length == 0 || room <= 1)
        {
            return tail;
        }

        head = SlackText.Trim(head, room);
        return (previewBytes is { } bytes ? SlackText.TrimToBytes(head, bytes) : head) + "\n" + tail;
    }

    /// <summary>The bot's message and the answer, escaped; within <paramref name="byteRoom"/> together when given.</summary>
    private static List<string> BodyTexts(Reply reply, int? byteRoom)
    {
        var texts = new List<string>();
        var left = byteRoom ?? int.MaxValue;
        foreach (var part in new[] { reply.Message, reply.Answer }.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            if (texts.Count > 0 && left < MinPieceBytes)
            {
                break;
            }

            // Some answer is kept even when the fixed parts leave no room: a reply without its body says nothing.
            var text = SlackText.TrimToBytes(SlackText.Escape(part), Math.Max(left, MinPieceBytes));
            texts.Add(text);
            left -= SlackText.Bytes(text);
        }

        return texts;
    }

    private static List<JsonObject> BodyBlocks(Reply reply, int budget, int? byteRoom)
    {
        var chunks = BodyTexts(reply, byteRoom).SelectMany(t => SlackText.Chunk(t, BlockLimits.SectionText)).ToList();
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

    /// <summary>
    /// The quotes and the evidence label. Within <paramref name="byteRoom"/> when given: the quotes share what the
    /// evidence and each source's name leave, the shortest keeping all of theirs; sources that would keep too little
    /// of their quote are left out, from the last.
    /// </summary>
    private static JsonObject? SourcesBlock(Reply reply, int? byteRoom)
    {
        var citations = reply.Citations.Take(BlockLimits.ContextElements - 1).ToList();
        var evidence = string.IsNullOrWhiteSpace(reply.Evidence) ? null : SlackText.Trim("*Evidence:* " + SlackText.Escape(reply.Evidence), BlockLimits.SectionText);
        var quotes = citations.Select(c => SlackText.Escape(c.Quote)).ToList();
        if (byteRoom is { } room)
        {
            if (evidence is not null && SlackText.Bytes(evidence) > room)
            {
                evidence = null;
            }

            var left = room - (evidence is null ? 0 : SlackText.Bytes(evidence));
            while (citations.Count > 0 && left - citations.Sum(c => SlackText.Bytes(Source(c, ""))) < citations.Count * MinPieceBytes)
            {
                citations.RemoveAt(citations.Count - 1);
                quotes.RemoveAt(quotes.Count - 1);
            }

            left -= citations.Sum(c => SlackText.Bytes(Source(c, "")));
            var shares = quotes.Count;
            foreach (var i in Enumerable.Range(0, quotes.Count).OrderBy(i => SlackText.Bytes(quotes[i])))
            {
                quotes[i] = SlackText.TrimToBytes(quotes[i], left / shares--);
                left -= SlackText.Bytes(quotes[i]);
            }
        }

        var elements = citations.Select((c, i) => SlackText.Trim(Source(c, quotes[i]), BlockLimits.SectionText)).ToList();
        if (evidence is not null)
        {
            elements.Add(evidence);
        }

        return elements.Count == 0 ? null : Context(elements);
    }

    private static string Source(Citation citation, string escapedQuote) =>
        $"“{escapedQuote}” — {SlackText.Escape(citation.SourceTitle)}, {SlackText.Escape(citation.Location)}";

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
