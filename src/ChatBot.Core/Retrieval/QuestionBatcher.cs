using Microsoft.Extensions.Caching.Memory;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Embeds the questions people ask, as they arrive from many workers: while the model works on one call,
/// the questions that arrive wait together and go in the next call, so a burst costs a few batched model
/// calls instead of one call each; a lone question goes at once, with no added wait. Questions asked again
/// (a greeting, the same question in a flood) reuse their recent vectors, and a question whose text is already
/// in a model call (embedded ahead, see <see cref="Answering.QuestionsAhead"/>) waits for that call rather than
/// making another. Knowledge builds do not come through here, so a reload never holds up a question.
/// </summary>
public sealed class QuestionBatcher : IDisposable
{
    private const int MaxTextsPerCall = 16;

    /// <summary>
    /// The latest texts embedded, kept whatever the recent cache does: when full, that cache turns new vectors
    /// away until it has compacted, and a vector embedded ahead of its question must still be there when asked.
    /// </summary>
    private const int LatestKept = 512;
    private readonly ITextEmbedder _embedder;
    private readonly MemoryCache _recent;
    private readonly List<Request> _waiting = [];
    /// <summary>Texts submitted and not yet embedded, with the request that embeds them.</summary>
    private readonly Dictionary<string, Request> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, float[]> _latest = new(StringComparer.Ordinal);
    private readonly Queue<string> _latestOrder = new();
    private readonly Lock _lock = new();
    private readonly int _maxCalls;
    private int _running;
    private long _calls;
    private long _texts;

    /// <param name="embedder">The model.</param>
    /// <param name="remembered">How many recent questions' vectors are kept.</param>
    /// <param name="concurrentCalls">Model calls run at once; each runs on one core, so one per core.</param>
    public QuestionBatcher(ITextEmbedder embedder, int remembered = 4096, int? concurrentCalls = null)
    {
        _embedder = embedder;
        _maxCalls = Math.Max(1, concurrentCalls ?? Environment.ProcessorCount);
        _recent = new MemoryCache(new MemoryCacheOptions { SizeLimit = remembered });
    }

    /// <summary>Model calls made so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Texts sent to the model so far: <see cref="Texts"/> / <see cref="Calls"/> is the mean batch.</summary>
    public long Texts => Interlocked.Read(ref _texts);

    /// <summary>True when every one of the texts has a recent vector (a text still in a model call has none yet).</summary>
    public bool Remembers(IEnumerable<string> texts) => texts.All(t => Recall(t) is not null);

    /// <summary>Vectors for the texts, in order. Blocks the caller until its texts are embedded.</summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var vectors = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (Recall(texts[i]) is { } known)
            {
                vectors[i] = known;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var (own, others) = Claim(missing.Select(i => texts[i]));
            if (own is not null)
            {
                Submit(own);
            }

            foreach (var text in missing.Select(i => texts[i]).Distinct(StringComparer.Ordinal))
            {
                var request = others.TryGetValue(text, out var running) ? running : own!;
                request.Finished.Wait();
                request.ThrowIfFailed();
                var vector = request.Vectors[text];
                foreach (var i in missing.Where(i => texts[i] == text))
                {
                    vectors[i] = vector;
                }
            }
        }

        return vectors;
    }

    public void Dispose() => _recent.Dispose();

    private float[]? Recall(string text)
    {
        if (_recent.TryGetValue(text, out float[]? known) && known is not null)
        {
            return known;
        }

        lock (_lock)
        {
            return _latest.GetValueOrDefault(text);
        }
    }

    /// <summary>
    /// Splits texts into a new request for those no call is embedding yet (null when there are none) and the
    /// requests already embedding the others, and registers the new request's texts as in flight.
    /// </summary>
    private (Request? Own, Dictionary<string, Request> Others) Claim(IEnumerable<string> texts)
    {
        var others = new Dictionary<string, Request>(StringComparer.Ordinal);
        var fresh = new List<string>();
        lock (_lock)
        {
            foreach (var text in texts.Distinct(StringComparer.Ordinal))
            {
                if (_inFlight.TryGetValue(text, out var running))
                {
                    others[text] = running;
                }
                else
                {
                    fresh.Add(text);
                }
            }

            if (fresh.Count == 0)
            {
                return (null, others);
            }

            var own = new Request([.. fresh]);
            foreach (var text in fresh)
            {
                _inFlight[text] = own;
            }

            return (own, others);
        }
    }

    private void Submit(Request request)
    {
        bool lead;
        lock (_lock)
        {
            _waiting.Add(request);
            lead = _running < _maxCalls;
            if (lead)
            {
                _running++;
                request.Lead = true;
            }
        }

        if (!lead)
        {
            // Woken when done, or when handed a lead because a caller running the model finished its own.
            request.Wake.Wait();
            if (!request.Lead)
            {
                request.ThrowIfFailed();
                return;
            }
        }

        RunUntilDone(request);
        request.ThrowIfFailed();
    }

    /// <summary>
    /// Runs batches of whatever waits until this caller's own request is done, then hands its lead on. When
    /// another lead has taken this caller's request into its batch, this caller gives its lead up and waits.
    /// </summary>
    private void RunUntilDone(Request own)
    {
        while (true)
        {
            List<Request> batch;
            lock (_lock)
            {
                batch = own.Done ? [] : TakeBatch();
                if (batch.Count == 0)
                {
                    var next = own.Done ? _waiting.FirstOrDefault(r => !r.Lead) : null;
                    if (next is not null)
                    {
                        next.Lead = true;
                        next.Wake.Set();
                    }
                    else
                    {
                        _running--;
                    }
                }
            }

            if (batch.Count == 0)
            {
                own.Finished.Wait();
                return;
            }

            Run(batch);
        }
    }

    private List<Request> TakeBatch()
    {
        var batch = new List<Request>();
        var texts = 0;
        foreach (var request in _waiting.ToArray())
        {
            if (batch.Count > 0 && texts + request.Texts.Length > MaxTextsPerCall)
            {
                break;
            }

            batch.Add(request);
            texts += request.Texts.Length;
            _waiting.Remove(request);
        }

        return batch;
    }

    private void Run(List<Request> batch)
    {
        var texts = batch.SelectMany(r => r.Texts).Distinct(StringComparer.Ordinal).OrderBy(t => t.Length).ToArray();
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _texts, texts.Length);
        try
        {
            var vectors = _embedder.Embed(texts);
            var byText = new Dictionary<string, float[]>(StringComparer.Ordinal);
            for (var i = 0; i < texts.Length; i++)
            {
                byText[texts[i]] = vectors[i];
                _recent.Set(texts[i], vectors[i], new MemoryCacheEntryOptions { Size = 1 });
            }

            Landed(texts, vectors);
            foreach (var request in batch)
            {
                request.Finish(byText, null);
            }
        }
#pragma warning disable CA1031 // The model's failure belongs to every caller of the batch; each rethrows it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Forget(texts);
            foreach (var request in batch)
            {
                request.Finish(null, exception);
            }
        }
    }

    /// <summary>Texts embedded: later callers find them among the latest vectors.</summary>
    private void Landed(string[] texts, float[][] vectors)
    {
        lock (_lock)
        {
            for (var i = 0; i < texts.Length; i++)
            {
                _inFlight.Remove(texts[i]);
                if (_latest.TryAdd(texts[i], vectors[i]))
                {
                    _latestOrder.Enqueue(texts[i]);
                }
            }

            while (_latestOrder.Count > LatestKept)
            {
                _latest.Remove(_latestOrder.Dequeue());
            }
        }
    }

    /// <summary>Texts the model failed on: a later caller tries again.</summary>
    private void Forget(string[] texts)
    {
        lock (_lock)
        {
            foreach (var text in texts)
            {
                _inFlight.Remove(text);
            }
        }
    }

    private sealed class Request(string[] texts)
    {
        public string[] Texts { get; } = texts;

        public Dictionary<string, float[]> Vectors { get; private set; } = [];

        /// <summary>Set when done, or when handed a lead.</summary>
        public ManualResetEventSlim Wake { get; } = new();

        /// <summary>Set when done only.</summary>
        public ManualResetEventSlim Finished { get; } = new();

        public bool Done { get; private set; }

        public bool Lead { get; set; }

        private Exception? _failure;

        public void Finish(Dictionary<string, float[]>? vectors, Exception? failure)
        {
            Vectors = vectors ?? [];
            _failure = failure;
            Done = true;
            Finished.Set();
            Wake.Set();
        }

        public void ThrowIfFailed()
        {
            if (_failure is not null)
            {
                throw new InvalidOperationException("Embedding the question failed.", _failure);
            }
        }
    }
}
