namespace ChatBot.Core.Retrieval;

/// <summary>Which sentence encoder semantic retrieval and safety examples use.</summary>
public enum EmbeddingModel
{
    /// <summary>all-MiniLM-L6-v2 (384-dim, mean pooling). The default: the thresholds were tuned on it.</summary>
    MiniLm,

    /// <summary>Snowflake arctic-embed-xs (384-dim, CLS pooling).</summary>
    ArcticXs,
}
