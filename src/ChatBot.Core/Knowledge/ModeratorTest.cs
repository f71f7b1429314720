namespace ChatBot.Core.Knowledge;

/// <summary>
/// One expectation moderators keep in <c>knowledge/tests.yaml</c>: for a message, which entry must answer
/// (or <c>no_answer</c>, <c>small_talk</c>, <c>any</c>), which red flags must be raised or that none may be,
/// and words the reply must or must not contain. An edit goes live only if all of them still hold.
/// </summary>
public sealed record ModeratorTest(string Message, string Expect, int Line)
{
    public const string NoAnswer = "no_answer";
    public const string SmallTalk = "small_talk";
    public const string Any = "any";

    public IReadOnlyList<string> Flags { get; init; } = [];

    public bool NoFlags { get; init; }

    public IReadOnlyList<string> Contains { get; init; } = [];

    public IReadOnlyList<string> NotContains { get; init; } = [];
}
