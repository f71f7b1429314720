using System.Data.Common;
using System.Text.Json;
using ChatBot.Core.QuestionLog;
using ChatBot.Core.QuestionLog.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Host.Cli;

/// <summary>
/// <c>chatbot faq gaps [--days N]</c>, <c>chatbot faq feedback</c>, <c>chatbot log purge</c>: the question
/// log's reports for people who prefer a terminal. Exit 2 when the log is off or its store cannot be read.
/// </summary>
public static class LogCommands
{
    public const int DefaultDays = 7;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task<int> GapsAsync(CliArguments options, string? days)
    {
        if (!int.TryParse(days ?? DefaultDays.ToString(System.Globalization.CultureInfo.InvariantCulture), out var n) || n < 1)
        {
            Console.Error.WriteLine("chatbot: --days must be a whole number of days, 1 or more");
            return Task.FromResult(2);
        }

        return RunAsync(options, async services =>
        {
            var report = await services.GetRequiredService<IModeratorReports>().GapsAsync(n, CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine(options.Json ? JsonSerializer.Serialize(report, Json) : ModeratorReportText.Gaps(report));
            return report.LogEnabled;
        });
    }

    public static Task<int> FeedbackAsync(CliArguments options) => RunAsync(options, async services =>
    {
        var report = await services.GetRequiredService<IModeratorReports>().FeedbackAsync(CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine(options.Json ? JsonSerializer.Serialize(report, Json) : ModeratorReportText.Feedback(report));
        return report.LogEnabled;
    });

    public static Task<int> PurgeAsync(CliArguments options) => RunAsync(options, async services =>
    {
        if (services.GetService<QuestionLogPurger>() is not { } purger)
        {
            Console.WriteLine(ModeratorReportText.Disabled);
            return false;
        }

        var result = await purger.PurgeAsync(CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine($"Purged {result.Questions} question(s) and {result.Votes} vote(s) logged before {result.Cutoff:yyyy-MM-dd HH:mm} UTC.");
        return true;
    });

    private static async Task<int> RunAsync(CliArguments options, Func<IServiceProvider, Task<bool>> verb)
    {
        using var host = CliHost.Build(options, questionLog: true);
        try
        {
            return await verb(host.Services).ConfigureAwait(false) ? 0 : 2;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"chatbot: the question log cannot be read ({e.GetType().Name}: {e.Message})").ConfigureAwait(false);
            return 2;
        }
    }
}
