namespace ChatBot.Core.Evaluation;

/// <summary>One question of an evaluation set (the development set's format: q, expect, must_mention, flag).</summary>
public sealed record QuestionSetItem(string Question, string Expect, IReadOnlyList<string> MustMention, string? Flag);
