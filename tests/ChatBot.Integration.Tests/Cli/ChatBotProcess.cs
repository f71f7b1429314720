using System.Diagnostics;

namespace ChatBot.Integration.Tests.Cli;

/// <summary>
/// Runs the real <c>chatbot</c> executable as a user would: from the repository root unless told otherwise,
/// with standard input redirected (so never a terminal), as Production, without platform tokens and
/// with the question log off unless a test sets it.
/// </summary>
public static class ChatBotProcess
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static Task<Result> RunAsync(string stdin, params string[] args) => RunInAsync(Repository.Root, new Dictionary<string, string?>(), stdin, args);

    /// <param name="environment">Variables to set (a null value removes one) on top of the defaults above.</param>
    public static Task<Result> RunInAsync(string workingDirectory, IDictionary<string, string?> environment, string stdin, params string[] args) =>
        RunProgramAsync("dotnet", [Repository.ChatBotDll, .. args], workingDirectory, environment, stdin);

    /// <summary>The embedding cache every run shares unless a test sets its own.</summary>
    private static readonly string SharedCache = Path.Combine(Path.GetTempPath(), "chatbot-test-embeddings");

    /// <summary>
    /// One start of the bot that fills the shared embedding cache before any other run: on an empty cache each start
    /// embeds every safety phrasing, and a dozen test classes starting the bot at once would each do it on 2 cores.
    /// </summary>
    private static readonly Lazy<Task> CacheFilled = new(() => StartAsync("dotnet", [Repository.ChatBotDll, "ask", "hello"], Repository.Root, new Dictionary<string, string?>(), ""));

    /// <summary>Any program (a published bot, git, a hook script) with the same defaults and environment rules.</summary>
    public static async Task<Result> RunProgramAsync(string program, IEnumerable<string> args, string workingDirectory, IDictionary<string, string?> environment, string stdin = "")
    {
        await CacheFilled.Value;
        return await StartAsync(program, args, workingDirectory, environment, stdin);
    }

    private static async Task<Result> StartAsync(string program, IEnumerable<string> args, string workingDirectory, IDictionary<string, string?> environment, string stdin)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["QuestionLog__Enabled"] = "false";
        start.Environment["Retrieval__CachePath"] = SharedCache;
        foreach (var name in new[] { "Discord__Token", "Slack__BotToken", "Slack__AppToken", "Slack__SigningSecret" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        // A hang guard, not a speed check: a first start on an empty cache embeds every safety phrasing, and `faq validate`
        // then every clause of them, while the other test projects share the 2 cores (over 5 minutes has been seen).
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
