using ChatBot.Discord.Tests.OpenApi;

namespace ChatBot.Discord.Tests;

public sealed class DiscordShapeTests
{
    [Fact]
    public async Task Every_body_we_send_fits_the_OpenAPI_description_and_every_message_disables_mentions()
    {
        await using var test = await DiscordTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Discord:DeferAfterMilliseconds"] = "0" });
        var gateway = test.Fake.Gateway;
        await gateway.DispatchAsync("MESSAGE_CREATE", DiscordEvents.Mention("does magnesium l-threonate help sleep?"));
        await gateway.DispatchAsync("MESSAGE_CREATE", DiscordEvents.Mention("I took magnesium and now I have chest pain"));
        await gateway.DispatchAsync("MESSAGE_CREATE", DiscordEvents.DirectMessage("how much should I take?"));
        await gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command("ask", [DiscordEvents.Option("question", "I took magnesium and now I have chest pain")]));
        await gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Autocomplete("faq", [DiscordEvents.SubCommand("show", DiscordEvents.Option("topic", "sleep", focused: true))]));
        await gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Button("fb:1:0123456789abcdef:some-entry"));
        await gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command("about", []));
        await gateway.DispatchAsync("INTERACTION_CREATE", DiscordModeratorHost.Admin("status", [], DiscordModeratorHost.OrdinaryPermissions));
        await gateway.DispatchAsync("INTERACTION_CREATE", DiscordModeratorHost.Admin("gaps", [], "32", options: DiscordEvents.IntegerOption("days", 3)));

        // 4 messages (mention, public notice, DM, DM answer) + 6 callbacks + 3 edits + 1 follow-up.
        await Eventually.TrueAsync(() => test.Fake.Messages.Count == 4 && test.RequestsTo("/callback").Count == 6 && test.RequestsTo("/@original", "PATCH").Count == 3 && test.RequestsTo("/webhooks/").Count == 1, "all responses");
        var checker = new OpenApiSchemaChecker(Path.Combine(AppContext.BaseDirectory, "Data", "discord-openapi.json"));
        var bodies = test.Fake.Requests.Where(r => r.Body.Length > 0).ToList();
        Assert.Contains(bodies, r => r.Method == "PUT");
        foreach (var request in bodies)
        {
            var errors = checker.Check(request.Method, request.Path, request.Json);
            Assert.True(errors.Count == 0, $"{request.Method} {request.Path}: {string.Join("\n", errors)}");
        }

        var messageBodies = bodies.Where(r => r.Path.EndsWith("/messages", StringComparison.Ordinal) || r.Path.Contains("/webhooks/", StringComparison.Ordinal))
            .Select(r => r.Json)
            .Concat(test.RequestsTo("/callback").Select(r => r.Json).Where(j => j.GetProperty("type").GetInt32() is 4 or 5).Select(j => j.GetProperty("data")))
            .ToList();
        Assert.Equal(4 + 3 + 1 + 5, messageBodies.Count);
        Assert.All(messageBodies, b => Assert.Equal("""{"parse":[],"replied_user":false}""", b.GetProperty("allowed_mentions").GetRawText()));
    }

    [Fact]
    public void Checker_rejects_an_undeclared_key_a_wrong_type_and_an_overlong_field()
    {
        var checker = new OpenApiSchemaChecker(Path.Combine(AppContext.BaseDirectory, "Data", "discord-openapi.json"));
        var body = System.Text.Json.JsonDocument.Parse($$"""{"content":"{{new string('x', 4001)}}","alowed_mentions":{"parse":[]},"flags":"64"}""").RootElement;

        var errors = checker.Check("POST", "/channels/1110000000000000002/messages", body);

        Assert.Contains(errors, e => e.Contains("alowed_mentions", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("maxLength", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(".flags", StringComparison.Ordinal));
    }
}
