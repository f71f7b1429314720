using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Knowledge;

/// <summary>Configuration section "Knowledge".</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>The knowledge folder; relative paths are taken from the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "knowledge";
}
