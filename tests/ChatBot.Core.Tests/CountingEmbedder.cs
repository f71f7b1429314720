using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests;

/// <summary>The shipped model (<see cref="RememberingEmbedder"/>), counting its calls and the texts they carry.</summary>
public sealed class CountingEmbedder : ITextEmbedder
{
    private int _calls;
    private int _texts;

    public int Calls => _calls;

    public int Texts => _texts;

    public string ModelId => RememberingEmbedder.Instance.ModelId;

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _texts, texts.Count);
        return RememberingEmbedder.Instance.Embed(texts);
    }
}
