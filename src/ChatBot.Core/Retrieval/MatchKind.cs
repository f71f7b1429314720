namespace ChatBot.Core.Retrieval;

public enum MatchKind
{
    Answer,
    Clarify,
    NoAnswer,

    /// <summary>Not a question about the article: a greeting, thanks, a question about the bot.</summary>
    SmallTalk,
}
