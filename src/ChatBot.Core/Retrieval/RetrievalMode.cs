namespace ChatBot.Core.Retrieval;

/// <summary>How questions are matched to FAQ entries.</summary>
public enum RetrievalMode
{
    /// <summary>MiniLM sentence embeddings plus a lexical signal for rare terms and typos. The default.</summary>
    Semantic,

    /// <summary>BM25 with fuzzy terms only: no model to load, for small machines.</summary>
    Lexical,
}
