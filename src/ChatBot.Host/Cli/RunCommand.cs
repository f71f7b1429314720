using ChatBot.Core.Answering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Host.Cli;

/// <summary>
/// <c>chatbot</c> runs the bot: the configured platforms, else the console chat. A start that would only look
/// like a running bot fails instead: no platform and no terminal (a service whose tokens are missing), or no
/// platform with the console chat turned off. <c>chatbot chat</c> asks for the console chat and reads a pipe too.
/// </summary>
public static class RunCommand
{
    public const string NoTerminal =
        "no chat platform is configured (no Discord or Slack token) and standard input is not a terminal, so there is no console chat to run; set the tokens, or use 'chatbot chat' to answer piped questions";

    public const string ConsoleOff =
        "no chat platform is configured (no Discord or Slack token) and the console chat is off (Console:Enabled=false)";

    public static async Task<int> RunAsync(CliArguments options, bool explicitChat)
    {
        var builder = ChatBotHostBuilder.Create(options.HostArgs, options.Overrides, options.ContentRoot);
        using var host = builder.Build();

        // Check settings and knowledge before starting, so a bad value ends in our one line rather than the host's stack trace.
        host.Services.GetService<IStartupValidator>()?.Validate();
        if (!ConfiguredPlatforms.Any(builder.Configuration) && NothingToRun(builder, explicitChat) is { } reason)
        {
            await Console.Error.WriteLineAsync($"chatbot: {reason}").ConfigureAwait(false);
            return 2;
        }

        _ = host.Services.GetRequiredService<KnowledgeStore>();
        await host.RunAsync().ConfigureAwait(false);
        return Environment.ExitCode;
    }

    private static string? NothingToRun(HostApplicationBuilder builder, bool explicitChat) =>
        !ChatBotHostBuilder.ConsoleChatEnabled(builder.Configuration) ? ConsoleOff
        : !explicitChat && Console.IsInputRedirected ? NoTerminal
        : null;
}
