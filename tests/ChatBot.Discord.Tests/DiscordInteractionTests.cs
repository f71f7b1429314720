using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Discord.Tests;

public sealed class DiscordInteractionTests
{
    [Fact]
    public async Task Ask_is_answered_directly_inside_the_window()
    {
        await using var test = await StartWithTheWindowHeldOpenAsync();
        var command = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "does magnesium l-threonate help sleep?")]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", command);

        var path = $"/interactions/{command["id"]}/";
        await Eventually.TrueAsync(() => test.RequestsTo(path).Count == 1, "callback");
        var body = test.RequestsTo(path).Single().Json;
        Assert.Equal(4, body.GetProperty("type").GetInt32());
        Assert.Equal("""{"parse":[],"replied_user":false}""", body.GetProperty("data").GetProperty("allowed_mentions").GetRawText());
        Assert.Contains("See a doctor", body.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(test.RequestsTo("@original", "PATCH"));
    }

    [Fact]
    public async Task Interaction_edits_wait_out_a_Cloudflare_rate_limit_instead_of_retrying_at_once()
    {
        // Cloudflare's Retry-After is whole seconds (0.3 s goes out as 1). The host runs on a fake clock, stepped here.
        var clock = new FakeTimeProvider();
        var retryAfter = TimeSpan.FromSeconds(1);
        await using var test = await DiscordTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Discord:DeferAfterMilliseconds"] = "0" }, services: s => s.AddSingleton<TimeProvider>(clock));
        test.Fake.FailNext(r => r.Method == "PATCH", new RestFault(RestFaultKind.RateLimited, RetryAfter: 0.3, Scope: "cloudflare"), times: 2);
        var command = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "does magnesium l-threonate help sleep?")]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", command);

        await Eventually.TrueAsync(() => Edits(test) == 1, "the first edit, refused");
        for (var edits = 1; edits < 3; edits++)
        {
            await test.Fake.WaitForIdleAsync(); // the bot has read the 429 and started its wait
            clock.Advance(retryAfter - TimeSpan.FromMilliseconds(1));
            await test.Fake.WaitForIdleAsync();
            Assert.Equal(edits, Edits(test)); // the retry waits out Retry-After

            // Exactly to the deadline, once: stepping on while the retry is on its way would eat into the next wait.
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await Eventually.TrueAsync(() => Edits(test) == edits + 1, "the edit again, once Retry-After has passed");
        }

        await test.Fake.WaitForIdleAsync();
        Assert.Equal(3, Edits(test));
    }

    [Fact]
    public async Task After_a_Cloudflare_429_on_a_message_an_interaction_waits_it_out_too()
    {
        // Cloudflare blocks the IP, not the bot's global limit: the next interaction's callback and edit wait as well.
        var clock = new FakeTimeProvider();
        await using var test = await DiscordTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Discord:DeferAfterMilliseconds"] = "0" }, services: s => s.AddSingleton<TimeProvider>(clock));
        test.Fake.FailNext(FakeDiscord.IsMessageCreate, new RestFault(RestFaultKind.RateLimited, RetryAfter: 2, Scope: "cloudflare"));
        var mention = DiscordEvents.Mention("what is magnesium l-threonate?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);
        await Eventually.TrueAsync(() => test.Fake.Requests.Count(FakeDiscord.IsMessageCreate) == 1, "the reply, refused by Cloudflare");
        await test.Fake.WaitForIdleAsync();

        var command = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "does magnesium l-threonate help sleep?")]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", command);
        await test.Fake.WaitForIdleAsync();
        Assert.Empty(test.RequestsTo($"/interactions/{command["id"]}/"));

        clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(() => Edits(test) == 1, "the interaction deferred and answered once the block has passed");
        Assert.Single(test.RequestsTo($"/interactions/{command["id"]}/"));
        await Eventually.TrueAsync(() => test.RepliesTo(mention["id"]!.GetValue<string>()).Count == 1, "the reply, sent again");
    }

    [Fact]
    public async Task After_a_global_429_on_a_message_an_interaction_is_still_answered()
    {
        // The bot's global limit does not bind interaction routes: the /ask goes out while bot routes wait.
        var clock = new FakeTimeProvider();
        await using var test = await DiscordTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Discord:DeferAfterMilliseconds"] = "0" }, services: s => s.AddSingleton<TimeProvider>(clock));
        test.Fake.FailNext(FakeDiscord.IsMessageCreate, new RestFault(RestFaultKind.RateLimited, RetryAfter: 2, Scope: "global"));
        var mention = DiscordEvents.Mention("what is magnesium l-threonate?");
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", mention);
        await Eventually.TrueAsync(() => test.Fake.Requests.Count(FakeDiscord.IsMessageCreate) == 1, "the reply, refused");

        var command = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "does magnesium l-threonate help sleep?")]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", command);
        await Eventually.TrueAsync(() => Edits(test) == 1, "the interaction deferred and answered during the pause");
        await test.Fake.WaitForIdleAsync();
        Assert.Equal(1, test.Fake.Requests.Count(FakeDiscord.IsMessageCreate));

        clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(() => test.RepliesTo(mention["id"]!.GetValue<string>()).Count == 1, "the reply, sent again");
    }

    private static int Edits(DiscordTestHost test) => test.RequestsTo("/messages/@original", "PATCH").Count;

    [Fact]
    public async Task Ask_when_slow_is_deferred_then_the_original_response_is_edited()
    {
        await using var test = await DiscordTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Discord:DeferAfterMilliseconds"] = "0" });
        var command = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "does magnesium l-threonate help sleep?")]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", command);

        await Eventually.TrueAsync(() => test.RequestsTo("/messages/@original", "PATCH").Count == 1, "edit of @original");
        var callback = test.RequestsTo($"/interactions/{command["id"]}/").Single().Json;
        Assert.Equal(5, callback.GetProperty("type").GetInt32());
        var edit = test.RequestsTo("/messages/@original", "PATCH").Single();
        Assert.StartsWith($"/webhooks/{test.Fake.ApplicationId}/", edit.Path, StringComparison.Ordinal);
        Assert.Contains("Caveats", edit.Body, StringComparison.Ordinal);
        Assert.Equal("""{"parse":[],"replied_user":false}""", edit.Json.GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public async Task Faq_topic_autocomplete_suggests_entries_from_the_faq()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var autocomplete = DiscordEvents.Autocomplete("faq", [DiscordEvents.SubCommand("show", DiscordEvents.Option("topic", "dose", focused: true))]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", autocomplete);

        await Eventually.TrueAsync(() => test.RequestsTo($"/interactions/{autocomplete["id"]}/").Count == 1, "autocomplete result");
        var body = test.RequestsTo($"/interactions/{autocomplete["id"]}/").Single().Json;
        Assert.Equal(8, body.GetProperty("type").GetInt32());
        var choices = body.GetProperty("data").GetProperty("choices").EnumerateArray().ToList();
        Assert.InRange(choices.Count, 1, 25);
        Assert.All(choices, c => Assert.InRange(c.GetProperty("name").GetString()!.Length, 1, 100));
    }

    [Fact]
    public async Task Faq_show_list_and_about_are_answered()
    {
        await using var test = await StartWithTheWindowHeldOpenAsync();
        var engine = test.Host.Services.GetRequiredService<ChatBot.Core.Answering.IAnswerEngine>();
        var entry = engine.ListTopics()[0];
        var show = DiscordEvents.Command("faq", [DiscordEvents.SubCommand("show", DiscordEvents.Option("topic", entry.EntryId))]);
        var list = DiscordEvents.Command("faq", [DiscordEvents.SubCommand("list")]);
        var about = DiscordEvents.Command("about", []);
        foreach (var command in new[] { show, list, about })
        {
            await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", command);
        }

        await Eventually.TrueAsync(() => test.RequestsTo("/callback").Count == 3, "three responses");
        var shown = test.RequestsTo($"/interactions/{show["id"]}/").Single().Json.GetProperty("data").GetProperty("embeds")[0];
        Assert.Equal(entry.Question, shown.GetProperty("title").GetString());
        Assert.Contains(entry.Question, test.RequestsTo($"/interactions/{list["id"]}/").Single().Body, StringComparison.Ordinal);
        Assert.Contains("See a doctor", test.RequestsTo($"/interactions/{about["id"]}/").Single().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Related_question_button_answers_that_question()
    {
        await using var test = await StartWithTheWindowHeldOpenAsync();
        var command = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "does magnesium l-threonate help sleep?")]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", command);
        await Eventually.TrueAsync(() => test.RequestsTo("/callback").Count == 1, "answer");
        var buttons = Buttons(test.RequestsTo("/callback").Single().Json.GetProperty("data"));
        var related = buttons.First(b => b.StartsWith("faq:", StringComparison.Ordinal));

        var click = DiscordEvents.Button(related);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", click);

        await Eventually.TrueAsync(() => test.RequestsTo($"/interactions/{click["id"]}/").Count == 1, "related answer");
        var body = test.RequestsTo($"/interactions/{click["id"]}/").Single().Json;
        var engine = test.Host.Services.GetRequiredService<ChatBot.Core.Answering.IAnswerEngine>();
        var expected = engine.ListTopics().Single(t => t.EntryId == related["faq:".Length..]).Question;
        Assert.Equal(4, body.GetProperty("type").GetInt32());
        Assert.Equal(expected, body.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Feedback_button_is_recorded_and_acknowledged_ephemerally()
    {
        await using var test = await StartWithTheWindowHeldOpenAsync();
        var command = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "does magnesium l-threonate help sleep?")]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", command);
        await Eventually.TrueAsync(() => AnswerShown(test) is not null, "answer");
        var thumbsUp = Buttons(AnswerShown(test)!.Value).Single(b => b.StartsWith("fb:1:", StringComparison.Ordinal));

        var click = DiscordEvents.Button(thumbsUp);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", click);

        var sink = test.Host.Services.GetRequiredService<InMemoryFeedbackSink>();
        await Eventually.TrueAsync(() => sink.Records.Count == 1, "feedback recorded");
        var record = sink.Records.Single();
        Assert.True(record.Helpful);
        Assert.Equal("discord", record.Platform);
        Assert.Equal(DiscordEvents.UserId, record.UserId);
        Assert.Equal(thumbsUp.Split(':')[2], record.ReplyId);
        var ack = test.RequestsTo($"/interactions/{click["id"]}/").Single().Json;
        Assert.Equal(64, ack.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("See a doctor", ack.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_disclosure_via_ask_in_public_is_brief_in_public_and_full_in_an_ephemeral_follow_up()
    {
        await using var test = await StartWithTheWindowHeldOpenAsync();
        var command = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "I took magnesium and now I have chest pain")]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", command);

        await Eventually.TrueAsync(() => test.RequestsTo("/webhooks/").Count == 1, "ephemeral follow-up");
        var publicBody = test.RequestsTo("/callback").Single().Body;
        var followUp = test.RequestsTo("/webhooks/").Single().Json;
        Assert.DoesNotContain("chest pain", publicBody, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(64, followUp.GetProperty("flags").GetInt32());
        Assert.Contains("emergency", followUp.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Logs_never_contain_the_bot_token_or_an_interaction_token()
    {
        await using var test = await DiscordTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Discord:DeferAfterMilliseconds"] = "0" });
        var command = DiscordEvents.Command("ask", [DiscordEvents.Option("question", "does magnesium l-threonate help sleep?")]);
        await test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", command);
        await test.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordEvents.Mention("what is magnesium l-threonate?"));

        await Eventually.TrueAsync(() => test.RequestsTo("/messages/@original", "PATCH").Count == 1 && test.Fake.Messages.Count == 1, "answers");
        var token = command["token"]!.GetValue<string>();
        Assert.NotEmpty(test.Logs.Lines);
        Assert.DoesNotContain(test.Logs.Lines, l => l.FullText.Contains(token, StringComparison.Ordinal) || l.FullText.Contains(test.Fake.Token, StringComparison.Ordinal));
    }

    /// <summary>
    /// The host on a clock nobody steps: the defer budget never runs out however busy the machine is, so an answer always
    /// goes in the interaction callback itself.
    /// </summary>
    private static Task<DiscordTestHost> StartWithTheWindowHeldOpenAsync() => DiscordTestHost.StartAsync(
        settings: new Dictionary<string, string?> { ["Discord:DeferAfterMilliseconds"] = "2500" },
        services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider()));

    /// <summary>The answer shown in the callback's message (type 4), once it has been sent.</summary>
    private static JsonElement? AnswerShown(DiscordTestHost test)
    {
        var callbacks = test.RequestsTo("/callback");
        return callbacks.Count == 1 && callbacks[0].Json.GetProperty("type").GetInt32() == 4 ? callbacks[0].Json.GetProperty("data") : null;
    }

    private static List<string> Buttons(JsonElement data) => data.GetProperty("components").EnumerateArray()
        .SelectMany(row => row.GetProperty("components").EnumerateArray())
        .Select(b => b.GetProperty("custom_id").GetString()!)
        .ToList();
}
