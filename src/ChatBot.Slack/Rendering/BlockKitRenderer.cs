using System.Text.Json.Nodes;
using ChatBot.Core.Replies;

namespace ChatBot.Slack.Rendering;

/// <summary>
/// Turns a Core <see cref="Reply"/> into Block Kit within Slack's limits, walking its sections in Core's order.
/// Every piece of text is escaped (none of it is ours to trust), every mrkdwn object is <c>verbatim</c>. When
/// space runs out (blocks, or the bytes of an ephemeral message) only trimmable sections (the bot's message, the
/// answer, the quotes) are shortened; the fixed ones (safety guidance, caveats, doctor advice) never are.
/// </summary>
public sealed class BlockKitRenderer
{
    /// <summary>A trimmed text or quote shorter than this says nothing; it is left out instead.</summary>
    private const int MinPieceBytes = 24;

    /// <summary>A message posted in a channel (or DM): Block Kit's limits of blocks and of text per block.</summary>
    public SlackMessage Render(Reply reply) => Render(reply, ephemeral: false);

    /// <summary>
    /// A message only its recipient sees (<c>chat.postEphemeral</c>, an ephemeral <c>response_url</c> reply or
    /// slash-command answer): besides Block Kit's limits, all its text stays within
    /// <see cref="BlockLimits.EphemeralTextBytes"/> (<see cref="FitBytes"/>).
    /// </summary>
    public SlackMessage RenderEphemeral(Reply reply) => Render(reply, ephemeral: true);

    private static SlackMessage Render(Reply reply, bool ephemeral)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var header = string.IsNullOrWhiteSpace(reply.Title) ? null : Header(reply.Title);
        var actions = ActionsBlock(reply);
        var text = FallbackText(reply, ephemeral);
        var parts = reply.Sections.Select(s => (Section: s, Blocks: Blocks(reply, s, byteRoom: null))).Where(p => p.Blocks.Count > 0).ToList();
        if (ephemeral)
        {
            // Bytes first: the block limit below only cuts further (its ellipsis fits the margin EphemeralTextBytes keeps).
            FitBytes(reply, parts, BlockLimits.EphemeralTextBytes - SlackText.Bytes(text) - TextBytes([header, actions]));
            parts.RemoveAll(p => p.Blocks.Count == 0);
        }

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
        return new SlackMessage(text, blocks);
    }

    /// <summary>
    /// Fits an ephemeral message's blocks into <paramref name="room"/> bytes of text, by the rule blocks are shared
    /// by: fixed sections keep every byte; trimmable ones share what is left, each sure of an equal share (all it
    /// needs, when that is less) and what the smaller ones leave going to the first ones. So a long answer leaves
    /// its quotes room, and short quotes leave a long answer the rest.
    /// </summary>
    private static void FitBytes(Reply reply, List<(ReplySection Section, List<JsonObject> Blocks)> parts, int room)
    {
        room -= parts.Where(p => p.Section.IsFixed).Sum(p => TextBytes(p.Blocks));
        var trimmable = parts.Where(p => !p.Section.IsFixed).ToList();
        var needs = trimmable.Select(p => TextBytes(p.Blocks)).ToArray();
        if (needs.Length == 0 || needs.Sum() <= room)
        {
            return;
        }

        var shares = needs.Select(need => Math.Min(need, Math.Max(room, 0) / needs.Length)).ToArray();
        var left = Math.Max(room, 0) - shares.Sum();
        for (var i = 0; i < trimmable.Count; i++)
        {
            var more = Math.Min(needs[i] - shares[i], left);
            shares[i] += more;
            left -= more;
            if (shares[i] < needs[i])
            {
                var fitted = Blocks(reply, trimmable[i].Section, shares[i]);
                trimmable[i].Blocks.Clear();
                trimmable[i].Blocks.AddRange(fitted);
            }
        }
    }

    /// <summary>The bytes Slack counts against an ephemeral message's limit: its text and every text in its blocks, in UTF-8.</summary>
    public static int CountedBytes(SlackMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SlackText.Bytes(message.Text) + TextBytes(message.Blocks);
    }

    /// <summary>The UTF-8 bytes of every text in these blocks (section and context texts, header, button labels).</summary>
    private static int TextBytes(IEnumerable<JsonNode?> nodes) => nodes.Sum(node => node switch
    {
        JsonObject obj => obj.Sum(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var t) ? SlackText.Bytes(t) : TextBytes([p.Value])),
        JsonArray array => TextBytes(array),
        _ => 0,
    });

    /// <summary>
    /// The notification text: title, safety guidance, the bot's message, the answer, caveats and doctor advice,
    /// in section order. Only the title and the trimmable sections are shortened to fit. An ephemeral message's
    /// text is shown with its blocks, never alone: it carries the fixed sections whole and only a preview of the
    /// rest (<see cref="BlockLimits.EphemeralPreviewBytes"/>), in bytes as Slack counts them.
    /// </summary>
    internal static string FallbackText(Reply reply, bool ephemeral = false)
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

        return ephemeral
            ? SectionFitting.Join(parts, "\n", SectionFitting.FixedSize(parts, "\n", SlackText.Bytes) + BlockLimits.EphemeralPreviewBytes, SlackText.TrimToBytes, SlackText.Bytes)
            : SectionFitting.Join(parts, "\n", BlockLimits.FallbackText, SlackText.Trim);
    }

    /// <summary>
    /// A section's blocks; a trimmable one's within <paramref name="byteRoom"/> bytes of text when given. The choices
    /// and related questions are buttons (<see cref="ActionsBlock"/>); the quotes and the evidence share one context block.
    /// </summary>
    private static List<JsonObject> Blocks(Reply reply, ReplySection section, int? byteRoom) => section.Kind switch
    {
        ReplySectionKind.SafetyGuidance => ReplySections.SafetyInOrder(reply).SelectMany(s => Sections($":warning: *{SlackText.Escape(s.Label)}*\n{SlackText.Escape(s.Message)}")).ToList(),
        ReplySectionKind.Message => Text(reply.Message, byteRoom),
        ReplySectionKind.Answer => Text(reply.Answer, byteRoom),
        ReplySectionKind.Quotes => SourcesBlock(reply, byteRoom),
        ReplySectionKind.Evidence when reply.Citations.Count == 0 => SourcesBlock(reply, byteRoom),
        ReplySectionKind.Caveats => CaveatBlocks(reply.Caveats),
        ReplySectionKind.DoctorAdvice => Sections(":stethoscope: " + SlackText.Escape(reply.DoctorAdvice)),
        _ => [],
    };

    /// <summary>A text's blocks; within <paramref name="byteRoom"/> when given, and left out when that is too little to say anything.</summary>
    private static List<JsonObject> Text(string text, int? byteRoom)
    {
        if (string.IsNullOrWhiteSpace(text) || byteRoom < MinPieceBytes)
        {
            return [];
        }

        var escaped = SlackText.Escape(text);
        return Sections(byteRoom is { } room ? SlackText.TrimToBytes(escaped, room) : escaped);
    }

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

    /// <summary>
    /// The quotes and the evidence label. Within <paramref name="byteRoom"/> when given: the quotes share what the
    /// evidence and each source's name leave, the shortest keeping all of theirs; sources that would keep too little
    /// of their quote are left out, from the last.
    /// </summary>
    private static List<JsonObject> SourcesBlock(Reply reply, int? byteRoom)
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

        return elements.Count == 0 ? [] : [Context(elements)];
    }

    private static string Source(Citation citation, string escapedQuote) =>
        $"“{escapedQuote}” — {SlackText.Escape(citation.SourceTitle)}, {SlackText.Escape(citation.Location)}";

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
