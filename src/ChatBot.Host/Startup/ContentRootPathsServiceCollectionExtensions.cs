using ChatBot.Core.Knowledge;
using ChatBot.Core.QuestionLog;
using ChatBot.Core.Retrieval;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Host.Startup;

public static class ContentRootPathsServiceCollectionExtensions
{
    /// <summary>
    /// Relative paths in settings (the knowledge folder, the embedding cache, the SQLite question log) are taken
    /// from the content root rather than the working directory. Empty values are left for validation to report.
    /// </summary>
    public static IServiceCollection AddContentRootRelativePaths(this IServiceCollection services, string contentRoot)
    {
        services.PostConfigure<KnowledgeOptions>(o => o.Path = Resolve(o.Path, contentRoot));
        services.PostConfigure<RetrievalOptions>(o => o.CachePath = Resolve(o.CachePath, contentRoot));
        services.PostConfigure<QuestionLogOptions>(o =>
        {
            if (o.Provider == QuestionLogProvider.Sqlite)
            {
                o.ConnectionString = ResolveSqlite(o.EffectiveConnectionString, contentRoot);
            }
        });
        return services;
    }

    public static string Resolve(string path, string contentRoot) =>
        string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path, contentRoot);

    private static string ResolveSqlite(string connectionString, string contentRoot)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return connectionString; // the options validator names the malformed value
        }

        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        return builder.ToString();
    }
}
