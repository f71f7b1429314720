using System.Data.Common;
using ChatBot.Core.QuestionLog;
using ChatBot.Storage.QuestionLog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBot.Host.Cli;

/// <summary>
/// <c>chatbot log backup PATH</c>: a consistent copy of the SQLite question log, taken with SQLite's online
/// backup while the bot may be writing. PostgreSQL has its own tool (pg_dump), so that case exits 2 saying so.
/// </summary>
public static class LogBackupCommand
{
    public static async Task<int> RunAsync(CliArguments options, string path)
    {
        var target = Path.GetFullPath(path);
        if (File.Exists(target))
        {
            return await FailAsync($"{target} already exists; give a new file name (a backup never overwrites)").ConfigureAwait(false);
        }

        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            return await FailAsync($"the folder for {target} does not exist").ConfigureAwait(false);
        }

        using var host = CliHost.Build(options, questionLog: true);
        if (!QuestionLogServiceCollectionExtensions.IsEnabled(host.Services.GetRequiredService<IConfiguration>()))
        {
            return await FailAsync("the question log is off (QuestionLog:Enabled=false); there is nothing to back up").ConfigureAwait(false);
        }

        var settings = host.Services.GetRequiredService<IOptions<QuestionLogOptions>>().Value;
        if (settings.Provider == QuestionLogProvider.Postgres)
        {
            return await FailAsync("the question log is on PostgreSQL; back it up with pg_dump (e.g. pg_dump --format=custom DBNAME > FILE)").ConfigureAwait(false);
        }

        try
        {
            var questions = await SqliteQuestionLogBackup.CopyAsync(settings.EffectiveConnectionString, target, CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine($"Backed up the question log ({questions} question(s)) to {target}.");
            return 0;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            return await FailAsync($"the question log cannot be backed up ({e.GetType().Name}: {e.Message})").ConfigureAwait(false);
        }
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync($"chatbot: {message}").ConfigureAwait(false);
        return 2;
    }
}
