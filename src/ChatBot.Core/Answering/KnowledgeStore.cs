using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Answering;

/// <summary>
/// Holds the knowledge version being served. A new version replaces it only when it validates completely
/// and its indexes are built; the swap is a single reference write, so a question in flight keeps the
/// snapshot it started with. A broken edit leaves the last good version serving.
/// </summary>
public sealed class KnowledgeStore
{
    private readonly KnowledgeOptions _knowledgeOptions;
    private readonly RetrievalOptions _retrievalOptions;
    private readonly EmbeddingCache? _cache;
    private readonly TimeProvider _time;
    private readonly ILogger<KnowledgeStore> _logger;
    private readonly Lock _reloadGate = new();
    private KnowledgeSnapshot _current;

    public KnowledgeStore(
        IOptions<KnowledgeOptions> knowledgeOptions,
        IOptions<RetrievalOptions> retrievalOptions,
        ITextEmbedder embedder,
        TimeProvider time,
        ILogger<KnowledgeStore> logger)
    {
        _knowledgeOptions = knowledgeOptions.Value;
        _retrievalOptions = retrievalOptions.Value;
        _time = time;
        _logger = logger;
        _cache = _retrievalOptions.Mode == RetrievalMode.Semantic ? new EmbeddingCache(embedder, _retrievalOptions.CachePath) : null;
        var result = KnowledgeLoader.Load(Folder);
        if (!result.IsValid)
        {
            throw new KnowledgeInvalidException(Folder, result.Errors);
        }

        _current = Build(result.Knowledge!);
        LastResult = result;
    }

    public string Folder => _knowledgeOptions.Path;

    public KnowledgeSnapshot Current => Volatile.Read(ref _current);

    /// <summary>The outcome of the most recent load attempt (errors included when it was rejected).</summary>
    public KnowledgeLoadResult LastResult { get; private set; }

    /// <summary>Loads the folder again; swaps only if it is valid and differs. Never throws for bad content.</summary>
    public KnowledgeLoadResult Reload()
    {
        lock (_reloadGate)
        {
            var result = KnowledgeLoader.Load(Folder);
            LastResult = result;
            if (!result.IsValid)
            {
                foreach (var error in result.Errors)
                {
                    _logger.LogError("Knowledge edit rejected, still serving {Version}: {Error}", Current.Version, error.ToString());
                }

                return result;
            }

            if (result.Knowledge!.Version != Current.Version)
            {
                var previous = Current;
                Volatile.Write(ref _current, Build(result.Knowledge));
                _logger.LogInformation("Knowledge {Version} is live ({Entries} entries), replacing {Previous}",
                    result.Knowledge.Version, result.Knowledge.Entries.Count, previous.Version);
            }

            return result;
        }
    }

    private KnowledgeSnapshot Build(KnowledgeBase knowledge) =>
        new(knowledge, new Retriever(knowledge, _retrievalOptions, _cache), _time.GetUtcNow());
}
