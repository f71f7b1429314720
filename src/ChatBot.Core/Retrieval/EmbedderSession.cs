using Microsoft.ML.OnnxRuntime;

namespace ChatBot.Core.Retrieval;

/// <summary>ONNX Runtime session settings shared by the bundled sentence encoders.</summary>
internal static class EmbedderSession
{
    /// <summary>
    /// One short question is a tiny workload: a thread per core (up to four) beats ONNX Runtime's default
    /// pool on 2 cores (measured with MiniLM: p50 2.3 ms against 3.7 ms per question). Inputs change length
    /// with every question, so the memory pattern and arena planned for one shape only get in the way
    /// (measured with mixed lengths: p99 3.5 ms without them, 11.4 ms with).
    /// </summary>
    public static SessionOptions Options() => new()
    {
        IntraOpNumThreads = Math.Clamp(Environment.ProcessorCount, 1, 4),
        InterOpNumThreads = 1,
        EnableMemoryPattern = false,
        EnableCpuMemArena = false,
    };
}
