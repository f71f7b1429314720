using System.Text.Json.Nodes;
using ChatBot.Host;
using ChatBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Slack.Tests;

/// <summary>The real host and engine over a temp copy of the shipped knowledge (so tests may break it), pointed at the fake.</summary>
public sealed class ModeratorHost : IAsyncDisposable
{
    public const string Moderator = SlackFrames.User;
    public const string ModeratorChannel = "C0MODS0001";

    private ModeratorHost(IHost host, string folder)
    {
        Host = host;
        Folder = folder;
    }

    public IHost Host { get; }

    public string Folder { get; }

    public static async Task<ModeratorHost> StartAsync(FakeSlackServer fake, Action<Dictionary<string, string?>>? configure = null, bool watch = false, TimeProvider? time = null)
    {
        var folder = Repository.TempFolder("slackmod");
        Folders.Copy(Repository.Knowledge, folder);
        var settings = SlackTestHost.Settings(fake);
        settings["Knowledge:Path"] = folder;
        settings["Knowledge:Watch"] = watch ? "true" : "false";
        settings["Knowledge:ReloadDebounceMilliseconds"] = "100";
        settings["Knowledge:ScanIntervalMilliseconds"] = "200";
        settings["Retrieval:Mode"] = "Lexical";
        settings["Console:Enabled"] = "false";
        settings["Logging:LogLevel:Default"] = "Warning";
        configure?.Invoke(settings);
        var builder = ChatBotHostBuilder.Create([], settings);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        var host = builder.Build();
        await host.StartAsync();
        await Eventually.TrueAsync(() => fake.LiveSockets.Count == 1, "socket");
        return new ModeratorHost(host, folder);
    }

    /// <summary>Sends a slash command and returns what the user sees: the ack payload, or the response_url message when the ack went out empty.</summary>
    public static async Task<JsonObject> SlashReplyAsync(FakeSlackServer fake, string text)
    {
        var envelope = SlackFrames.SlashCommand(text, new Uri(fake.BaseUri, "hooks/commands/" + Guid.NewGuid().ToString("N")));
        var id = (string)envelope["envelope_id"]!;
        var before = fake.Delivered("response_url").Count();
        await fake.SendEnvelopeAsync(envelope);
        await Eventually.TrueAsync(() => fake.Acks.ContainsKey(id), "slash ack");
        if (fake.Acks[id]["payload"] is JsonObject payload)
        {
            return payload;
        }

        await Eventually.TrueAsync(() => fake.Delivered("response_url").Count() > before, "response_url reply");
        return fake.Delivered("response_url").Skip(before).First().Body;
    }

    public void Edit(string relativePath, string find, string replace)
    {
        var file = Path.Combine(Folder, relativePath);
        var text = File.ReadAllText(file);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Host.StopAsync(timeout.Token);
        Host.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
