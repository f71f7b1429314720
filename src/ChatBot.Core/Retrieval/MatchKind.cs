namespace ChatBot.Core.Retrieval;

public enum MatchKind
{
    Answer,
    Clarify,
    NoAnswer,
}
