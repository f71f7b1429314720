using ChatBot.Core.QuestionLog;
using ChatBot.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Integration.Tests.QuestionLog;

/// <summary>The production host (ChatBotHostBuilder) with the shipped knowledge, lexical retrieval and a given question log.</summary>
internal static class LogTestHost
{
    public const string UserIdKey = "integration-test-user-id-key-0123456789";

    public static string RepoRoot { get; } = FindRepoRoot();

    public static IHost Build(QuestionLogProvider provider, string connectionString, CapturingLoggerProvider? logs = null, IDictionary<string, string?>? extra = null, TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = Path.Combine(RepoRoot, "knowledge"),
            ["Retrieval:Mode"] = "Lexical",
            ["Console:Enabled"] = "false",
            ["QuestionLog:Provider"] = provider.ToString(),
            ["QuestionLog:ConnectionString"] = connectionString,
            ["QuestionLog:UserIdKey"] = UserIdKey,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = ChatBotHostBuilder.Create([], settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        return builder.Build();
    }

    /// <summary>Waits (without a fixed sleep) until the writer has stored <paramref name="count"/> records.</summary>
    public static async Task WaitForWritesAsync(IHost host, long count)
    {
        var writer = host.Services.GetRequiredService<QuestionLogWriter>();
        await Eventually.TrueAsync(() => writer.Written >= count, $"{count} records written");
    }

    private static string FindRepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ChatBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("ChatBot.sln not found above " + AppContext.BaseDirectory);
    }
}
