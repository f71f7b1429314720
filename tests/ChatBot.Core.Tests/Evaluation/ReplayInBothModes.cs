using ChatBot.Core.Evaluation;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Evaluation;

/// <summary>A question set from <c>Data/</c> replayed once per retrieval mode on the shared engines, each only when a test asks for it.</summary>
internal sealed class ReplayInBothModes
{
    private readonly Lazy<EvaluationResult> _semantic;
    private readonly Lazy<EvaluationResult> _lexical;

    public ReplayInBothModes(string dataFile)
    {
        Items = QuestionSet.Load(TestKnowledge.DataFile(dataFile));
        _semantic = new(() => QuestionSetEvaluator.Run(TestKnowledge.Engine(RetrievalMode.Semantic), Items));
        _lexical = new(() => QuestionSetEvaluator.Run(TestKnowledge.Engine(RetrievalMode.Lexical), Items));
    }

    /// <summary>The two modes, as theory data: "semantic" and "lexical".</summary>
    public static TheoryData<string> Modes => new() { "semantic", "lexical" };

    public IReadOnlyList<QuestionSetItem> Items { get; }

    public EvaluationResult Result(string mode) => mode == "semantic" ? _semantic.Value : _lexical.Value;
}
