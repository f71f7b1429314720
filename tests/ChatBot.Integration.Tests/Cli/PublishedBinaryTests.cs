using System.Diagnostics;

namespace ChatBot.Integration.Tests.Cli;

/// <summary>
/// The published bot as an operator runs it: from any directory, through the systemd unit's command line and the
/// container's entry point (both read from the files in <c>deploy/</c>, with <c>/opt/chatbot</c> and <c>/app</c>
/// pointed at a fresh publish).
/// </summary>
public sealed class PublishedBinaryTests(PublishedBinaryTests.Published published) : IClassFixture<PublishedBinaryTests.Published>
{
    private readonly Published _published = published;

    [Fact]
    public async Task Published_binary_finds_its_settings_and_knowledge_from_any_directory()
    {
        var result = await RunAsync(Path.Combine(_published.Folder, "chatbot"), Question);

        AssertAnswered(result);
    }

    [Fact]
    public async Task Systemd_units_command_line_starts_the_published_bot()
    {
        var unit = File.ReadAllLines(Path.Combine(Repository.Root, "deploy", "systemd", "chatbot.service"));
        var exec = unit.Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..]
            .Replace("/opt/chatbot", _published.Folder, StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var version = await RunAsync(exec[0], [.. exec[1..], "--version"]);
        var answer = await RunAsync(exec[0], [.. exec[1..], .. Question]);
        var noPlatform = await RunAsync(exec[0], [.. exec[1..], "--Retrieval:Mode=Lexical"]);

        Assert.Equal(0, version.ExitCode);
        AssertAnswered(answer);
        Assert.Contains("Type=notify", unit);
        // Started by systemd with no token (standard input is not a terminal), the bot exits 2, and the unit does not restart it.
        Assert.Equal(2, noPlatform.ExitCode);
        Assert.Contains(unit, l => l.StartsWith("RestartPreventExitStatus=", StringComparison.Ordinal) && l.Split('=', ' ').Contains("2"));
    }

    [Fact]
    public async Task Container_entry_point_starts_the_published_bot()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Repository.Root, "deploy", "docker", "Dockerfile"));
        var entry = dockerfile.Single(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal))["ENTRYPOINT ".Length..]
            .Trim('[', ']').Split(',').Select(a => a.Trim().Trim('"').Replace("/app", _published.Folder, StringComparison.Ordinal)).ToArray();

        var result = await RunAsync(entry[0], [.. entry[1..], .. Question]);

        AssertAnswered(result);
    }

    /// <summary>
    /// A question only the FAQ answers, asked with the settings a test run shares: the published bot must find its settings,
    /// model and knowledge to quote the article, and the start gate it shares with the other command-line runs (whose shipped
    /// knowledge it passed already) is not run again, where <c>faq validate</c> would run the whole check each time.
    /// </summary>
    private static readonly string[] Question = ["ask", "what dose did the study use?"];

    private static void AssertAnswered(ChatBotProcess.Result result)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Source: \"", result.Output, StringComparison.Ordinal);
        Assert.Contains("See a doctor:", result.Output, StringComparison.Ordinal);
    }

    private static Task<ChatBotProcess.Result> RunAsync(string program, string[] args) =>
        ChatBotProcess.RunProgramAsync(program, args, Path.GetTempPath(), new Dictionary<string, string?>());

    /// <summary>One <c>dotnet publish</c> of the built host (no rebuild) for the whole class.</summary>
    public sealed class Published : IDisposable
    {
        public Published()
        {
            Folder = Repository.TempFolder("chatbot-published");
            var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", Path.Combine(Repository.Root, "src", "ChatBot.Host"), "-c", Repository.Configuration, "--no-build", "-o", Folder, "--nologo"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = publish.StandardOutput.ReadToEnd() + publish.StandardError.ReadToEnd();
            publish.WaitForExit();
            Assert.True(publish.ExitCode == 0, output);
        }

        public string Folder { get; }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
