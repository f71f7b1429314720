using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Answering;

/// <summary>One knowledge version with everything built from it. A question is answered entirely by one snapshot.</summary>
public sealed class KnowledgeSnapshot(KnowledgeBase knowledge, Retriever retriever, DateTimeOffset loadedAt)
{
    public KnowledgeBase Knowledge { get; } = knowledge;

    public Retriever Retriever { get; } = retriever;

    public ReplyComposer Composer { get; } = new(knowledge);

    public DateTimeOffset LoadedAt { get; } = loadedAt;

    public string Version => Knowledge.Version;
}
