using System.Collections.Concurrent;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests;

/// <summary>
/// The shipped MiniLM model, each text embedded once per test run: every store of a copy of the shipped folder
/// embeds the same few thousand phrasings, which is most of what building a semantic store costs. Production
/// gets the same from its embedding cache on disk, so a test sees the vectors a warm restart would.
/// </summary>
public sealed class RememberingEmbedder : ITextEmbedder
{
    private static readonly MiniLmEmbedder Model = new();
    private static readonly ConcurrentDictionary<string, float[]> Vectors = new(StringComparer.Ordinal);

    public static RememberingEmbedder Instance { get; } = new();

    public string ModelId => Model.ModelId;

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var missing = texts.Where(t => !Vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            var vectors = Model.Embed(missing);
            for (var i = 0; i < missing.Length; i++)
            {
                Vectors.TryAdd(missing[i], vectors[i]);
            }
        }

        return texts.Select(t => Vectors[t]).ToArray();
    }
}
