using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Safety;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Answering;

/// <summary>
/// Holds the knowledge version being served. A new version replaces it only when it validates completely
/// and its indexes are built; the swap is a single reference write, so a question in flight keeps the
/// snapshot it started with. A broken edit leaves the last good version serving.
/// </summary>
public sealed partial class KnowledgeStore
{
    private readonly KnowledgeOptions _knowledgeOptions;
    private readonly RetrievalOptions _retrievalOptions;
    private readonly EmbeddingCache? _cache;
    private readonly TimeProvider _time;
    private readonly ILogger<KnowledgeStore> _logger;
    private const int HistoryLength = 20;
    private readonly Lock _reloadGate = new();
    private readonly LinkedList<LiveVersion> _history = new();
    private KnowledgeSnapshot _current;
    private KnowledgeSnapshot? _previous;

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
        if (_cache is not null)
        {
            // Loading the model passes through about twice its size; done before the knowledge is read, that peak
            // meets a small heap instead of the build's, and the first question pays no load.
            embedder.Warm();
        }

        var probed = _knowledgeOptions.RememberPassedGate && _retrievalOptions.CachePath.Length > 0 ? new ProbedPatternRecord(_retrievalOptions.CachePath) : null;
        probed?.Load();
        var result = KnowledgeLoader.Load(Folder);
        if (!result.IsValid)
        {
            throw new KnowledgeInvalidException(Folder, result.Errors);
        }

        probed?.Save();
        _current = Build(result.Knowledge!);
        GateAtStart(embedder);

        // Months of edits do not grow the cache: it keeps the serving version's texts.
        _cache?.RetainOnly(_current.KeptTexts);

        LastResult = result;
        _history.AddFirst(LiveVersion.Of(_current.Knowledge, null, _current.LoadedAt));
    }

    public string Folder => _knowledgeOptions.Path;

    /// <summary>The gate of the version a start serves, unless this very version passed it before (<see cref="PassedGateRecord"/>).</summary>
    private void GateAtStart(ITextEmbedder embedder)
    {
        var record = _knowledgeOptions.RememberPassedGate && _retrievalOptions.CachePath.Length > 0 ? new PassedGateRecord(_retrievalOptions.CachePath) : null;
        var key = record is null ? "" : PassedGateRecord.KeyOf(_current, _retrievalOptions, _cache is null ? null : embedder.ModelId);
        if (record?.Has(key) == true)
        {
            SnapshotBuilder.PatternsKnownToPass(_current);
            // The gate's messages are embedded as a gated start would (cache hits after any earlier start), so the
            // first reload's gate finds them in the cache rather than calling the model for each.
            _cache?.Ensure([.. _current.EmbeddedTexts]);
            return;
        }

        var timeouts = PatternMatch.Timeouts;
        var errors = SnapshotBuilder.Gate(_current, _cache);
        if (errors.Count > 0)
        {
            throw new KnowledgeInvalidException(Folder, errors);
        }

        // A pattern too slow to decide counts as a match, which may pass a red-flag test on a busy machine: run it again next time.
        if (PatternMatch.Timeouts == timeouts)
        {
            record?.Add(key);
        }
    }

    public KnowledgeSnapshot Current => Volatile.Read(ref _current);

    /// <summary>How live questions reach the model (semantic mode only): its counts show how well questions batch.</summary>
    public QuestionBatcher? Questions => _cache?.Questions;

    /// <summary>The outcome of the most recent load attempt (errors included when it was rejected).</summary>
    public KnowledgeLoadResult LastResult { get; private set; }

    /// <summary>The report of the most recent reload attempt; null before the first one.</summary>
    public ReloadReport? LastReload { get; private set; }

    /// <summary>The version that served before the current one, kept so a moderator can see what the last change did.</summary>
    public KnowledgeSnapshot? Previous => Volatile.Read(ref _previous);

    /// <summary>The versions that went live since start, newest first (at most 20).</summary>
    public IReadOnlyList<LiveVersion> History
    {
        get
        {
            lock (_reloadGate)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>Loads the folder again; swaps only if it is valid, passes the gate and differs. Never throws for bad content.</summary>
    public ReloadReport Reload()
    {
        lock (_reloadGate)
        {
            var started = _time.GetTimestamp();
            var previous = Current;
            var reading = ReadFolder(previous);
            LastResult = reading.Result;
            if (reading.Snapshot is { } candidate && !ReferenceEquals(candidate, previous))
            {
                Volatile.Write(ref _previous, previous);
                Volatile.Write(ref _current, candidate);
                _cache?.RetainOnly(candidate.KeptTexts);
                _history.AddFirst(LiveVersion.Of(candidate.Knowledge, previous.Knowledge, candidate.LoadedAt));
                if (_history.Count > HistoryLength)
                {
                    _history.RemoveLast();
                }
            }

            var report = new ReloadReport(reading.Result.IsValid, Current.Version, previous.Version, Current.Knowledge.Entries.Count,
                reading.Result.Errors, _time.GetElapsedTime(started), _time.GetUtcNow());
            LastReload = report;
            Log(report);
            return report;
        }
    }

    /// <summary>
    /// The folder as it would go live, without making it live: its snapshot (the serving one when nothing changed),
    /// or, when validation or the gate would refuse it, no snapshot and the errors that would keep it out.
    /// </summary>
    public FolderReading ReadFolder()
    {
        // One build at a time: a reload and a moderator's diff share the embedding cache.
        lock (_reloadGate)
        {
            return ReadFolder(Current);
        }
    }

    /// <summary>The full check of the serving version's safety phrasings, semantic signal included (<see cref="SafetyPhraseCheck"/>).</summary>
    public IReadOnlyList<KnowledgeError> CheckPhrases() => SnapshotBuilder.CheckPhrases(Current, _cache);

    private FolderReading ReadFolder(KnowledgeSnapshot live)
    {
        var result = KnowledgeLoader.Load(Folder);
        if (!result.IsValid)
        {
            return new FolderReading(null, result);
        }

        if (result.Knowledge!.Version == live.Version)
        {
            return new FolderReading(live, result);
        }

        var candidate = Build(result.Knowledge);
        var gateErrors = SnapshotBuilder.Gate(candidate, live, _cache);
        return gateErrors.Count == 0 ? new FolderReading(candidate, result) : new FolderReading(null, new KnowledgeLoadResult(null, gateErrors));
    }

    private void Log(ReloadReport report)
    {
        if (!report.Applied)
        {
            LogRejected(report.Summary);
            foreach (var error in report.Errors)
            {
                LogKnowledgeError(error.ToString());
            }
        }
        else if (report.Changed)
        {
            LogReloaded(report.Summary, report.Took.TotalMilliseconds);
        }
    }

    private KnowledgeSnapshot Build(KnowledgeBase knowledge) => SnapshotBuilder.Build(knowledge, _retrievalOptions, _cache, _time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Error, Message = "{Summary}")]
    private partial void LogRejected(string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge error: {Error}")]
    private partial void LogKnowledgeError(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Summary} Reload took {Milliseconds:0} ms.")]
    private partial void LogReloaded(string summary, double milliseconds);
}
