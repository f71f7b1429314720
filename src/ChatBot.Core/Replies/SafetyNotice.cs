namespace ChatBot.Core.Replies;

/// <summary>A raised red flag and the guidance it adds. Urgent notices replace the answer.</summary>
public sealed record SafetyNotice(string Flag, string Label, string Message, bool Urgent);
