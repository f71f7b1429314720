namespace ChatBot.Core.Knowledge;

/// <summary>A verbatim quote of a source backing an FAQ answer; <see cref="Location"/> is resolved at load.</summary>
public sealed record FaqCitation(string SourceId, string Quote, string Location);
