using Microsoft.ML.OnnxRuntime;

namespace ChatBot.Core.Retrieval;

/// <summary>ONNX Runtime session settings shared by the bundled sentence encoders.</summary>
internal static class EmbedderSession
{
    /// <summary>
    /// One short question is a tiny workload: a thread per core (up to four) beats ONNX Runtime's default
    /// pool on 2 cores (measured with MiniLM: p50 2.3 ms against 3.7 ms per question). Inputs change length
    /// with every question, so the memory pattern and arena planned for one shape only get in the way
    /// (measured with mixed lengths: p99 3.5 ms without them, 11.4 ms with). The pool's threads sleep between
    /// the model's steps instead of spinning: a spinning thread holds a core the other questions' triage and
    /// retrieval need in a burst, and that every other process on the machine needs (measured on the shared
    /// 2-core machine, load 8 to 14: a burst's CPU time per answer fell by a third, 30–36 ms to 23 ms, and
    /// single answers' p50 from 32.6 ms to 27.8 ms).
    /// </summary>
    public static SessionOptions Options()
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Clamp(Environment.ProcessorCount, 1, 4),
            InterOpNumThreads = 1,
            EnableMemoryPattern = false,
            EnableCpuMemArena = false,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }
}
