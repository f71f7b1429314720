namespace ChatBot.Core.Text;

/// <summary>A short question of a long message (<see cref="Question"/>) and the same question after the sentence before it (<see cref="Pair"/>).</summary>
public sealed record QuestionWithContext(string Question, string Pair);
