namespace ChatBot.Core.Evaluation;

/// <summary>
/// Minimum pass rates (and maximum false-alarm rates) an evaluation must meet; null means not checked.
/// Given on the command line so moderators can gate an edit with <c>chatbot faq eval</c>.
/// </summary>
public sealed record EvaluationFloors
{
    /// <summary>Answerable questions answered with the right entry and required words.</summary>
    public double? Answer { get; init; }

    /// <summary>Uncovered questions refused.</summary>
    public double? NoAnswer { get; init; }

    /// <summary>Red flags caught, in every category.</summary>
    public double? Recall { get; init; }

    /// <summary>Red flags caught in the urgent categories (self-harm, emergency, ingestion).</summary>
    public double? UrgentRecall { get; init; }

    /// <summary>Look-alikes that raised any flag, at most.</summary>
    public double? FalseAlarms { get; init; }

    /// <summary>Look-alikes whose answer was replaced, at most.</summary>
    public double? ReplaceFalseAlarms { get; init; }
}
