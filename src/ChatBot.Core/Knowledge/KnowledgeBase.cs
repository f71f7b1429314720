namespace ChatBot.Core.Knowledge;

/// <summary>One complete, validated version of the knowledge folder. Immutable: reloads build a new one.</summary>
public sealed class KnowledgeBase(
    string version,
    IReadOnlyList<SourceDocument> sources,
    IReadOnlyList<FaqEntry> entries,
    IReadOnlyList<SafetyCategory> safety,
    BotSettings bot,
    IReadOnlyList<NotCoveredTopic> notCovered)
{
    private readonly Dictionary<string, FaqEntry> _byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);

    /// <summary>A short hash of every file's content: equal content, equal version.</summary>
    public string Version { get; } = version;

    public IReadOnlyList<SourceDocument> Sources { get; } = sources;

    public IReadOnlyList<FaqEntry> Entries { get; } = entries;

    public IReadOnlyList<SafetyCategory> Safety { get; } = safety;

    public BotSettings Bot { get; } = bot;

    /// <summary>Known gaps: questions the article does not answer.</summary>
    public IReadOnlyList<NotCoveredTopic> NotCovered { get; } = notCovered;

    /// <summary>Greetings, thanks and questions about the bot itself, with its replies.</summary>
    public IReadOnlyList<SmallTalkIntent> SmallTalk { get; init; } = [];

    /// <summary>The moderators' expectations (<c>tests.yaml</c>) every version must meet before it goes live.</summary>
    public IReadOnlyList<ModeratorTest> Tests { get; init; } = [];

    /// <summary>English renderings of other languages' words, for the semantic signal (<c>glossary.yaml</c>).</summary>
    public Glossary Glossary { get; init; } = Glossary.Empty;

    /// <summary>Each file's short content hash, by path relative to the folder (<c>faq/side-effects.yaml</c>).</summary>
    public IReadOnlyDictionary<string, string> FileHashes { get; init; } = new Dictionary<string, string>();

    public FaqEntry? Find(string id) => _byId.GetValueOrDefault(id);

    public SourceDocument? Source(string id) => Sources.FirstOrDefault(s => s.Id == id);
}
