using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;
using ChatBot.Discord.Configuration;
using ChatBot.Discord.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Tests;

/// <summary>
/// A message that raises many red flags at once has more fixed text (every category's guidance, caveats, doctor
/// advice) than one plain Discord message holds (2,000 characters). It goes as several messages, each within the
/// limit and each with the caveats and doctor advice whole, the guidance of every category in exactly one of them.
/// </summary>
public sealed class ManyRedFlagsTests
{
    private const string ManyRedFlags = "I'm pregnant and on dialysis, I take lexapro, my 4 year old swallowed some of my pills, and I took the whole bottle because I want to die";

    private static readonly Lazy<KnowledgeSnapshot> Knowledge = new(() => new KnowledgeStore(
        Options.Create(new KnowledgeOptions { Path = Repository.Knowledge }),
        Options.Create(new RetrievalOptions { Mode = RetrievalMode.Lexical }),
        new MiniLmEmbedder(),
        TimeProvider.System,
        NullLogger<KnowledgeStore>.Instance).Current);

    [Theory]
    [InlineData(ReplyStyle.Plain)]
    [InlineData(ReplyStyle.Embed)]
    public void Every_red_flag_with_the_longest_caveats_goes_as_messages_that_each_fit_with_everything_fixed_whole(ReplyStyle style)
    {
        var snapshot = Knowledge.Value;
        var mostCaveats = snapshot.Knowledge.Entries.OrderByDescending(e => e.Caveats.Sum(c => c.Length)).Take(2).ToArray();
        var reply = snapshot.Composer.Answer(mostCaveats[0], 1, snapshot.Knowledge.Safety, companion: mostCaveats[1]) with { Answer = new string('a', 5000) };
        var renderer = new ReplyRenderer(Options.Create(new DiscordOptions { ReplyStyle = style }));

        var parts = renderer.RenderParts(reply);

        var texts = parts.Select(Text).ToList();
        Assert.All(parts, p => Assert.True(p.Content is null ? EmbedRenderer.Size(p.Embeds![0]) <= DiscordLimits.EmbedTotal : p.Content.Length <= DiscordLimits.Content));
        foreach (var notice in reply.Safety)
        {
            Assert.Single(texts, t => t.Contains(notice.Message, StringComparison.Ordinal));
        }

        Assert.All(texts, t => Assert.All(reply.Caveats.Append(reply.DoctorAdvice), whole => Assert.Contains(whole, t, StringComparison.Ordinal)));
        Assert.Contains("aaaa", texts[^1], StringComparison.Ordinal);
        Assert.All(parts.SkipLast(1), p => Assert.Null(p.Components));
        if (style == ReplyStyle.Plain)
        {
            Assert.True(parts.Count > 1);
        }
    }

    [Fact]
    public async Task A_public_mention_raising_many_red_flags_gets_all_its_guidance_by_direct_message_in_parts_that_fit()
    {
        await using var test = await DiscordTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Discord:ReplyStyle"] = "Plain" });
        var mention = DiscordEvents.Mention(ManyRedFlags);
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        var reply = test.Host.Services.GetRequiredService<IAnswerEngine>().Ask(ManyRedFlags, new AskContext("discord"));
        Assert.True(reply.Safety.Count >= 5, string.Join(", ", reply.SafetyFlags));
        // Under load the parts arrive one by one: wait for the last category's guidance, not for a count of messages.
        await Eventually.TrueAsync(
            () => reply.Safety.All(n => DirectMessages(test).Any(d => d.Contains(n.Message, StringComparison.Ordinal))),
            "every category's guidance by DM in parts");
        await test.Fake.WaitForIdleAsync();

        var dms = DirectMessages(test);
        Assert.All(dms, d => Assert.True(d.Length <= DiscordLimits.Content, $"{d.Length} characters"));
        foreach (var notice in reply.Safety)
        {
            Assert.Single(dms, d => d.Contains(notice.Message, StringComparison.Ordinal));
        }

        Assert.All(dms, d => Assert.Contains(reply.DoctorAdvice, d, StringComparison.Ordinal));
    }

    private static List<string> DirectMessages(DiscordTestHost test) =>
        test.Fake.Messages.Where(m => m.ChannelId != DiscordEvents.ChannelId).Select(m => (string)m.Body["content"]!).ToList();

    private static string Text(RenderedMessage message) => message.Content
        ?? string.Join("\n", message.Embeds!.SelectMany(e => new[] { e.Title ?? "", e.Description ?? "" }.Concat(e.Fields?.Select(f => f.Name + "\n" + f.Value) ?? [])));
}
