namespace ChatBot.Core.Evaluation;

/// <summary>
/// One message of an evaluation set: <c>q</c>, what must happen (<c>expect</c>: answer, no_answer,
/// safety, no_flag or adversarial), the words an answer must contain, the red flag that must fire (and
/// others that may), the entries allowed to answer, and labels for reporting (language, kind).
/// </summary>
public sealed record QuestionSetItem(string Question, string Expect, IReadOnlyList<string> MustMention, string? Flag)
{
    public static readonly IReadOnlyList<string> Expectations = ["answer", "no_answer", "safety", "no_flag", "adversarial"];

    public IReadOnlyList<string> Also { get; init; } = [];

    /// <summary>Topics (see <c>eval/topics.yaml</c>) a correct answer comes from; empty means any entry.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    public string Language { get; init; } = "en";

    public string Kind { get; init; } = "";

    /// <summary>The line of the item in its file, for error messages.</summary>
    public int Line { get; init; }
}
