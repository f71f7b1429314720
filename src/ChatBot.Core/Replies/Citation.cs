namespace ChatBot.Core.Replies;

/// <summary>A verbatim quote of a source, and where in the source it stands (e.g. "¶3 s.2").</summary>
public sealed record Citation(string SourceId, string SourceTitle, string Quote, string Location);
