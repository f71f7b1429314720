namespace ChatBot.Core.Replies;

/// <summary>A FAQ entry offered as a follow-up (related question or clarify choice).</summary>
public sealed record RelatedQuestion(string EntryId, string Question);
