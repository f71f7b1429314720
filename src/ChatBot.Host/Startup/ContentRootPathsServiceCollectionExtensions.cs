using ChatBot.Core.Knowledge;
using ChatBot.Core.QuestionLog;
using ChatBot.Core.Retrieval;
using ChatBot.Storage.QuestionLog;
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
                o.ConnectionString = SqliteDataSourcePath.Resolve(o.EffectiveConnectionString, contentRoot);
            }
        });
        return services;
    }

    public static string Resolve(string path, string contentRoot) =>
        string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path, contentRoot);
}
