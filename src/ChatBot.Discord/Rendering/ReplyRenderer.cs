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
    private readonly ReplyStyle _style = options.Value.ReplyStyle;

    public RenderedMessage Render(Reply reply, bool withButtons = true) => _style == ReplyStyle.Plain
        ? new RenderedMessage(PlainRenderer.Render(reply), null, withButtons ? Buttons(reply) : null)
        : new RenderedMessage(null, [EmbedRenderer.Render(reply)], withButtons ? Buttons(reply) : null);

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
