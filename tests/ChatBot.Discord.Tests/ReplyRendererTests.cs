using ChatBot.Core.Replies;
using ChatBot.Discord.Configuration;
using ChatBot.Discord;
using ChatBot.Discord.Rendering;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Tests;

public sealed class ReplyRendererTests
{
    private const string Doctor = "Talk to your doctor before starting magnesium, especially if you take other medicines.";

    [Theory]
    [InlineData(100)]
    [InlineData(2500)]
    [InlineData(5000)]
    [InlineData(20000)]
    public void Embed_respects_every_limit_and_keeps_caveats_and_doctor_advice(int answerLength)
    {
        var reply = Sample(answerLength);
        var embed = EmbedRenderer.Render(reply);

        Assert.True(embed.Description!.Length <= DiscordLimits.EmbedDescription);
        Assert.True(EmbedRenderer.Size(embed) <= DiscordLimits.EmbedTotal);
        Assert.True(embed.Title!.Length <= DiscordLimits.EmbedTitle);
        Assert.InRange(embed.Fields!.Count, 1, DiscordLimits.EmbedFields);
        Assert.All(embed.Fields, f => Assert.InRange(f.Value.Length, 1, DiscordLimits.FieldValue));
        var fieldText = string.Join("\n", embed.Fields.Select(f => f.Value));
        Assert.All(reply.Caveats, c => Assert.Contains(c, fieldText, StringComparison.Ordinal));
        Assert.Contains(Doctor, fieldText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(2500)]
    [InlineData(20000)]
    public void Plain_content_fits_2000_and_keeps_caveats_and_doctor_advice(int answerLength)
    {
        var reply = Sample(answerLength);
        var content = PlainRenderer.Render(reply);

        Assert.True(content.Length <= DiscordLimits.Content, $"{content.Length} characters");
        Assert.All(reply.Caveats, c => Assert.Contains(c, content, StringComparison.Ordinal));
        Assert.Contains(Doctor, content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_2500_character_answer_is_trimmed_with_an_ellipsis_in_plain_text_only_where_needed()
    {
        var reply = Sample(2500);

        Assert.Contains(TextFit.Ellipsis, PlainRenderer.Render(reply), StringComparison.Ordinal);
        Assert.Contains(reply.Answer, EmbedRenderer.Render(reply).Description!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_bot_message_gives_way_in_plain_text_and_the_caveats_and_doctor_advice_do_not()
    {
        var reply = Sample(100) with { Message = string.Concat(Enumerable.Repeat("status line ", 500)) };
        var content = PlainRenderer.Render(reply);

        Assert.True(content.Length <= DiscordLimits.Content, $"{content.Length} characters");
        Assert.All(reply.Caveats, c => Assert.Contains(c, content, StringComparison.Ordinal));
        Assert.Contains(Doctor, content, StringComparison.Ordinal);
    }

    [Fact]
    public void Embed_and_plain_text_follow_the_section_order()
    {
        var reply = Sample(100) with
        {
            Message = "Reading this with your earlier question.",
            Safety = [new SafetyNotice("kidney", "Kidneys", "Ask about your kidneys first.", false), new SafetyNotice("emergency", "Emergency", "Call emergency services now.", true)],
        };
        var embed = EmbedRenderer.Render(reply);
        var plain = PlainRenderer.Render(reply);

        AssertInOrder(embed.Description!, "Call emergency services now.", "Ask about your kidneys first.", reply.Message, reply.Answer);
        Assert.Equal(["Source", "Evidence", "Caveats", "See a doctor"], embed.Fields!.Select(f => f.Name));
        AssertInOrder(plain, "Call emergency services now.", "Ask about your kidneys first.", reply.Message, reply.Answer[..40], "Source:", "Evidence:", reply.Caveats[0], Doctor);
    }

    [Fact]
    public void Many_long_caveats_are_split_over_fields_never_dropped()
    {
        var caveats = Enumerable.Range(0, 12).Select(i => $"Caveat {i}: " + new string('c', 300)).ToArray();
        var reply = Sample(3000) with { Caveats = caveats };
        var embed = EmbedRenderer.Render(reply);

        Assert.True(EmbedRenderer.Size(embed) <= DiscordLimits.EmbedTotal);
        Assert.All(caveats, c => Assert.Contains(embed.Fields!, f => f.Value.Contains(c, StringComparison.Ordinal)));
    }

    [Fact]
    public void Buttons_respect_row_and_custom_id_limits()
    {
        var related = Enumerable.Range(0, 12).Select(i => new RelatedQuestion($"entry-{i}", new string('q', 120))).ToArray();
        var reply = Sample(10) with { Related = related };
        var rows = ReplyRenderer.Buttons(reply)!;

        Assert.InRange(rows.Count, 1, DiscordLimits.ActionRows);
        Assert.All(rows, r => Assert.InRange(r.Components.Count, 1, DiscordLimits.ButtonsPerRow));
        Assert.All(rows.SelectMany(r => r.Components), b => Assert.InRange(b.CustomId.Length, 1, DiscordLimits.CustomId));
        Assert.All(rows.SelectMany(r => r.Components), b => Assert.InRange(b.Label.Length, 1, DiscordLimits.ButtonLabel));
        Assert.Equal(rows.SelectMany(r => r.Components).Count(), rows.SelectMany(r => r.Components).Select(b => b.CustomId).Distinct().Count());
    }

    [Fact]
    public void Renderer_style_plain_sends_content_and_no_embed()
    {
        var renderer = new ReplyRenderer(Options.Create(new DiscordOptions { ReplyStyle = ReplyStyle.Plain }));
        var message = renderer.Render(Sample(50));

        Assert.Null(message.Embeds);
        Assert.Contains(Doctor, message.Content!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2000, 2000)]
    [InlineData(2001, 2000)]
    [InlineData(10, 10)]
    public void Trim_never_exceeds_the_limit(int length, int max)
    {
        var text = string.Join(" ", Enumerable.Repeat("word", length)).Substring(0, length);

        Assert.True(TextFit.Trim(text, max).Length <= max);
    }

    private static void AssertInOrder(string text, params string[] parts)
    {
        var positions = parts.Select(p => text.IndexOf(p, StringComparison.Ordinal)).ToArray();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    private static Reply Sample(int answerLength) => new()
    {
        Id = "0123456789abcdef",
        Outcome = ReplyOutcome.Answer,
        EntryId = "does-it-help-sleep",
        Title = "Does magnesium L-threonate help sleep?",
        Answer = string.Concat(Enumerable.Repeat("Magnesium L-threonate was studied in one trial. ", (answerLength / 48) + 1))[..answerLength],
        Citations = [new Citation("article", "The article", new string('q', 900), "¶3 s.2")],
        Evidence = "one human clinical trial",
        Caveats = ["One small trial; results may not generalise.", "Supplements are not regulated like medicines."],
        DoctorAdvice = Doctor,
        Related = [new RelatedQuestion("how-much", "How much should I take?")],
        KnowledgeVersion = "v1",
        Text = "text",
    };
}
