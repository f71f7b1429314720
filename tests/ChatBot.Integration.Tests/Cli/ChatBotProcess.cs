using System.Diagnostics;

namespace ChatBot.Integration.Tests.Cli;

/// <summary>Runs the real <c>chatbot</c> executable from the repository root, as a user would.</summary>
public static class ChatBotProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Repository.ChatBotDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["QuestionLog__Enabled"] = "false";
        start.Environment["Retrieval__CachePath"] = Path.Combine(Path.GetTempPath(), "chatbot-test-embeddings");
        foreach (var name in new[] { "Discord__Token", "Slack__BotToken", "Slack__AppToken" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
