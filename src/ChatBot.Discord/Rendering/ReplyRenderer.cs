using ChatBot.Core.Replies;
using ChatBot.Discord.Configuration;
using ChatBot.Discord.Interactions;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Rendering;

/// <summary>
/// Turns a Core reply into a Discord message: embed (or plain content) plus buttons for the choices and related
/// questions, in the reply's section order, and for feedback.
/// </summary>
internal sealed class ReplyRenderer(IOptions<DiscordOptions> options)
{
    private const int MaxRelatedRows = 2;

    /// <summary>What the part with the answer keeps for the answer and its quotes at least, in plain content and in an embed.</summary>
    private const int PlainAnswerRoom = 500;
    private const int EmbedAnswerRoom = 1200;
    private readonly ReplyStyle _style = options.Value.ReplyStyle;

    public RenderedMessage Render(Reply reply, bool withButtons = true) => _style == ReplyStyle.Plain
        ? new RenderedMessage(PlainRenderer.Render(reply), null, withButtons ? Buttons(reply) : null)
        : new RenderedMessage(null, [EmbedRenderer.Render(reply)], withButtons ? Buttons(reply) : null);

    /// <summary>
    /// The reply as the messages to send in order: one, or several when its fixed sections (many red flags'
    /// guidance, caveats, doctor advice) are too long for one message in this style (Core's
    /// <see cref="ReplySplitter"/>). Only the last carries buttons.
    /// </summary>
    public IReadOnlyList<RenderedMessage> RenderParts(Reply reply, bool withButtons = true)
    {
        var parts = _style == ReplyStyle.Plain
            ? ReplySplitter.Split(reply, PlainRenderer.FixedLength, DiscordLimits.Content, PlainAnswerRoom)
            : ReplySplitter.Split(reply, PlainRenderer.FixedLength, DiscordLimits.EmbedTotal, EmbedAnswerRoom);
        return parts.Select((part, i) => Render(part, withButtons && i == parts.Count - 1)).ToList();
    }

    public static IReadOnlyList<ActionRowPayload>? Buttons(Reply reply)
    {
        var rows = new List<ActionRowPayload>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var related = reply.Sections.SelectMany(s => s.Kind switch
            {
                ReplySectionKind.Choices => reply.Choices,
                ReplySectionKind.Related => reply.Related,
                _ => [],
            })
            .Select(q => new ButtonPayload(2, TextFit.Trim(q.Question, DiscordLimits.ButtonLabel), CustomIds.Entry(q.EntryId)))
            .Where(b => b.Label.Length > 0 && b.CustomId.Length <= DiscordLimits.CustomId && seen.Add(b.CustomId))
            .Take(MaxRelatedRows * DiscordLimits.ButtonsPerRow)
            .ToArray();
        rows.AddRange(related.Chunk(DiscordLimits.ButtonsPerRow).Select(chunk => new ActionRowPayload(chunk)));

        if (reply.Outcome != ReplyOutcome.Notice)
        {
            var up = CustomIds.Feedback(true, reply.Id, reply.EntryId);
            var down = CustomIds.Feedback(false, reply.Id, reply.EntryId);
            if (up.Length <= DiscordLimits.CustomId && down.Length <= DiscordLimits.CustomId)
            {
                rows.Add(new ActionRowPayload([
                    new ButtonPayload(2, "Helpful", up, new EmojiPayload("👍")),
                    new ButtonPayload(2, "Not helpful", down, new EmojiPayload("👎")),
                ]));
            }
        }

        return rows.Count > 0 ? rows.Take(DiscordLimits.ActionRows).ToArray() : null;
    }
}
