using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Answering;

/// <summary>The knowledge folder could not be served at start: there is no last good version to fall back on.</summary>
public sealed class KnowledgeInvalidException(string folder, IReadOnlyList<KnowledgeError> errors)
    : Exception($"Knowledge folder '{folder}' is invalid ({errors.Count} error(s)); first: {errors.FirstOrDefault()}")
{
    public IReadOnlyList<KnowledgeError> Errors { get; } = errors;
}
