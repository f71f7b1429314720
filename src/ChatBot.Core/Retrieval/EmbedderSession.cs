using Microsoft.ML.OnnxRuntime;

namespace ChatBot.Core.Retrieval;

/// <summary>ONNX Runtime session settings shared by the bundled sentence encoders.</summary>
internal static class EmbedderSession
{
    /// <summary>
    /// One short question is a tiny workload: split over two threads it took as long as on one (MiniLM, 3.75 ms
    /// against 3.67 ms per question on 2 cores), so each call runs on one thread and the question batcher runs
    /// one call per core at once instead (a burst on 2 engine threads: 131–178 answers/s with two threads per
    /// call, one call at a time; 211 with one thread per call, two at a time). Inputs change length
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
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            EnableMemoryPattern = false,
            EnableCpuMemArena = false,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }
}
