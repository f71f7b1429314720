using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Retrieval;

/// <summary>Configuration section "Retrieval". Thresholds were chosen on the development question set.</summary>
public sealed class RetrievalOptions
{
    public const string Section = "Retrieval";

    public RetrievalMode Mode { get; set; } = RetrievalMode.Semantic;

    /// <summary>The sentence encoder of semantic mode. The thresholds below were tuned on MiniLM.</summary>
    [EnumDataType(typeof(EmbeddingModel))]
    public EmbeddingModel Model { get; set; } = EmbeddingModel.MiniLm;

    /// <summary>Folder for the on-disk embedding cache; empty disables it.</summary>
    public string CachePath { get; set; } = ".cache/embeddings";

    /// <summary>Semantic mode: a best score below this is "not covered".</summary>
    [Range(0.0, 1.0)]
    public double SemanticThreshold { get; set; } = 0.45;

    /// <summary>Lexical mode: a best score below this is "not covered".</summary>
    [Range(0.0, 1.0)]
    public double LexicalThreshold { get; set; } = 0.3;

    /// <summary>A question of one to three words is answered with the nearest entry at or above this score.</summary>
    [Range(0.0, 1.0)]
    public double TerseThreshold { get; set; } = 0.40;

    /// <summary>A known gap (not-covered.yaml) must beat the best entry by this much to refuse the question.</summary>
    [Range(0.0, 1.0)]
    public double GapMargin { get; set; } = 0.03;

    /// <summary>When the best entry's related entry scores within this much of it, both are answered.</summary>
    [Range(0.0, 1.0)]
    public double CompanionMargin { get; set; } = 0.03;

    /// <summary>When the two best entries are unrelated and closer than this, they tie: see <see cref="Ties"/>.</summary>
    [Range(0.0, 1.0)]
    public double ClarifyMargin { get; set; } = 0.02;

    /// <summary>What a tie of two unrelated entries gets: both answers, or a question asking which was meant.</summary>
    [EnumDataType(typeof(TieReply))]
    public TieReply Ties { get; set; } = TieReply.AnswerBoth;
}
