using ChatBot.Core.Retrieval;
using ChatBot.Core.Text;

namespace ChatBot.Core.Answering;

/// <summary>
/// The questions queued behind the one being answered, so that a burst reaches the model in batches. An adapter
/// tells it each question as it queues it (<see cref="Expect"/>); when the engine starts on a question while
/// others wait, it embeds their texts together with its own in one model call (<see cref="EmbedWith"/>), and each
/// of those questions later finds its vectors among the recent ones. Only ever an advance: a question never
/// expected, or expected and never asked, gets the same reply, since a text's vector is the same batched or alone.
/// </summary>
public sealed class QuestionsAhead
{
    /// <summary>Texts per model call, as the question batcher sends at most; beyond it a call gains little.</summary>
    public const int TextsPerCall = 16;

    /// <summary>Questions kept waiting at most: the oldest go first, so work that never becomes a question cannot pile up.</summary>
    private const int MaxWaiting = 4096;

    private readonly Queue<string> _waiting = new();
    private readonly Lock _lock = new();

    /// <summary>Questions expected and not yet embedded ahead.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>A question was queued for answering, as the adapter will ask it.</summary>
    public void Expect(string question)
    {
        lock (_lock)
        {
            _waiting.Enqueue(question);
            if (_waiting.Count > MaxWaiting)
            {
                _waiting.Dequeue();
            }
        }
    }

    /// <summary>
    /// Before answering a normalised message whose vectors are not ready while questions wait: embeds its texts and
    /// the waiting ones' (oldest first, up to <see cref="TextsPerCall"/> texts) in one call. A message embedded ahead
    /// takes nothing, so the model stays a batch or two ahead of the answers rather than racing through the queue;
    /// a lone question goes to the model as before; nothing happens in lexical mode.
    /// </summary>
    public void EmbedWith(KnowledgeSnapshot snapshot, string normalizedMessage)
    {
        if (Waiting == 0)
        {
            return;
        }

        if (snapshot.Retriever.Mode != RetrievalMode.Semantic)
        {
            Clear();
            return;
        }

        var own = snapshot.TextsToEmbed(normalizedMessage);
        if (snapshot.Retriever.HasVectors(own))
        {
            return;
        }

        var texts = own.ToHashSet(StringComparer.Ordinal);
        while (texts.Count < TextsPerCall && TryTake(out var question))
        {
            var normalized = QuestionNormalizer.Normalize(question);
            if (normalized != normalizedMessage)
            {
                texts.UnionWith(snapshot.TextsToEmbed(normalized));
            }
        }

        snapshot.Retriever.NewVectors().Ensure(texts);
    }

    private bool TryTake(out string question)
    {
        lock (_lock)
        {
            return _waiting.TryDequeue(out question!);
        }
    }

    private void Clear()
    {
        lock (_lock)
        {
            _waiting.Clear();
        }
    }
}
