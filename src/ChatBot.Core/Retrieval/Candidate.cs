using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Retrieval;

/// <summary>One scored FAQ entry for a question, with the signals behind the score (shown by <c>faq preview</c>).</summary>
public sealed record Candidate(FaqEntry Entry, double Score, double Semantic, double Lexical, string ClosestPhrase);
