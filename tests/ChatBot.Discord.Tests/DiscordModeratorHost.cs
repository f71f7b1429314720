using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Answering;
using ChatBot.Core.Replies;
using ChatBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Discord.Tests;

/// <summary>
/// The production host over a temp copy of the shipped knowledge (so a test may break it), with the
/// question log off, plus fixtures for <c>/faqadmin</c> invocations.
/// </summary>
public sealed class DiscordModeratorHost : IAsyncDisposable
{
    public const string ModeratorRole = "1300000000000000042";
    public const string ModeratorChannel = "1400000000000000007";

    /// <summary>A member's permissions in the fixtures' channel without Manage Guild or Administrator.</summary>
    public const string OrdinaryPermissions = "1126037345651777";

    private DiscordModeratorHost(DiscordTestHost test, string folder)
    {
        Test = test;
        Folder = folder;
    }

    public DiscordTestHost Test { get; }

    public string Folder { get; }

    public IAnswerEngine Engine => Test.Host.Services.GetRequiredService<IAnswerEngine>();

    public static async Task<DiscordModeratorHost> StartAsync(Dictionary<string, string?>? settings = null, bool watch = false)
    {
        var folder = Repository.TempFolder("discordmod");
        Folders.Copy(Repository.Knowledge, folder);
        var all = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = folder,
            ["Knowledge:Watch"] = watch ? "true" : "false",
            ["Knowledge:ReloadDebounceMilliseconds"] = "100",
            ["Knowledge:ScanIntervalMilliseconds"] = "200",
            ["QuestionLog:Enabled"] = "false",
            ["Discord:DeferAfterMilliseconds"] = "2500",
            ["Discord:ModeratorRoleIds:0"] = ModeratorRole,
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        try
        {
            return new DiscordModeratorHost(await DiscordTestHost.StartAsync(settings: all), folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary><c>/faqadmin {sub}</c> in the fixtures' guild by a member with these roles and permissions.</summary>
    public static JsonObject Admin(string sub, string[] roles, string permissions, string name = "faqadmin", params JsonObject[] options)
    {
        var command = DiscordEvents.Command(name, [DiscordEvents.SubCommand(sub, options)]);
        var member = command["member"]!.AsObject();
        member["roles"] = new JsonArray([.. roles.Select(r => JsonValue.Create(r))]);
        member["permissions"] = permissions;
        return command;
    }

    /// <summary>Dispatches the interaction and returns its callback body (type 4 or 5).</summary>
    public async Task<JsonElement> CallbackAsync(JsonObject interaction)
    {
        var path = $"/interactions/{interaction["id"]}/";
        await Test.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        await Eventually.TrueAsync(() => Test.RequestsTo(path).Count == 1, "interaction callback");
        return Test.RequestsTo(path).Single().Json;
    }

    /// <summary>Every string in a JSON body, one per line: what a user can read, unescaped.</summary>
    public static string Text(JsonElement body) => body.ValueKind switch
    {
        JsonValueKind.String => body.GetString()!,
        JsonValueKind.Object => string.Join("\n", body.EnumerateObject().Select(p => Text(p.Value))),
        JsonValueKind.Array => string.Join("\n", body.EnumerateArray().Select(Text)),
        _ => "",
    };

    public static void AssertCarriesCaveatsAndDoctorAdvice(Reply reference, string text)
    {
        Assert.Contains(reference.DoctorAdvice, text, StringComparison.Ordinal);
        Assert.All(reference.Caveats, c => Assert.Contains(c, text, StringComparison.Ordinal));
    }

    public static void AssertNoMentions(JsonElement message) =>
        Assert.Equal("""{"parse":[],"replied_user":false}""", message.GetProperty("allowed_mentions").GetRawText());

    public void Edit(string relativePath, string find, string replace)
    {
        var file = Path.Combine(Folder, relativePath);
        var text = File.ReadAllText(file);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await Test.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
