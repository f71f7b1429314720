using Microsoft.ML.OnnxRuntime;

namespace ChatBot.Core.Retrieval;

/// <summary>ONNX Runtime session settings shared by the bundled sentence encoders.</summary>
internal static class EmbedderSession
{
    /// <summary>
    /// ONNX Runtime's pool threads spin between operators while they wait for work: the figures above, one caller on
    /// an idle machine. A spinning thread holds a core that other work in the process wants, as in a test run, where
    /// two test threads share 2 cores with the model; there this switch (set in the test project) turns spinning off.
    /// Measured on 2 cores with the machine under load: half the CPU per embedding and about twice the model's
    /// throughput. Production keeps spinning until someone measures it on an idle machine.
    /// </summary>
    public const string NoSpinningSwitch = "ChatBot.Retrieval.NoModelSpinning";

    /// <summary>
    /// One short question is a tiny workload: a thread per core (up to four) beats ONNX Runtime's default
    /// pool on 2 cores (measured with MiniLM: p50 2.3 ms against 3.7 ms per question). Inputs change length
    /// with every question, so the memory pattern and arena planned for one shape only get in the way
    /// (measured with mixed lengths: p99 3.5 ms without them, 11.4 ms with).
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
        if (AppContext.TryGetSwitch(NoSpinningSwitch, out var noSpinning) && noSpinning)
        {
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        }

        return options;
    }
}
