using System.Runtime.InteropServices;
using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>A start probes only the safety patterns it has not seen pass on this runtime; the record is in the cache folder.</summary>
public sealed class ProbedPatternRecordTests : IDisposable
{
    private readonly string _folder = TestKnowledge.CopyToTemp();
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "chatbot-probed-" + Guid.NewGuid().ToString("N")[..8]);

    public ProbedPatternRecordTests() => Folders.KeepFewerPhrasings(_folder, every: 10);

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private string RecordFile => Path.Combine(_cache, "patterns-probed.txt");

    private KnowledgeStore Start(bool remember = true) =>
        new(
            Options.Create(new KnowledgeOptions { Path = _folder, RememberPassedGate = remember }),
            Options.Create(new RetrievalOptions { Mode = RetrievalMode.Lexical, CachePath = _cache }),
            RememberingEmbedder.Instance,
            TimeProvider.System,
            NullLogger<KnowledgeStore>.Instance);

    /// <summary>
    /// A pattern that backtracks catastrophically but matches only a run of a's, so no moderator test notices it; the
    /// comment makes it this test's own, since a pass is remembered for the whole process.
    /// </summary>
    private string AddSlowPattern()
    {
        var pattern = $"^(a+)+$(?#{Guid.NewGuid():N})";
        var safety = Path.Combine(_folder, "safety.yaml");
        var text = File.ReadAllText(safety);
        var at = text.IndexOf("patterns:\n", StringComparison.Ordinal) + "patterns:\n".Length;
        File.WriteAllText(safety, text.Insert(at, $"      - '{pattern}'\n"));
        return pattern;
    }

    [Fact]
    public void A_start_records_the_patterns_that_passed_under_this_runtime()
    {
        Start();

        var lines = File.ReadAllLines(RecordFile);
        Assert.Equal("runtime " + RuntimeInformation.FrameworkDescription, lines[0]);
        Assert.True(lines.Length > 1000, $"only {lines.Length - 1} patterns recorded");
        Assert.All(lines.Skip(1), l => Assert.Matches("^[0-9a-f]{64}$", l));
    }

    [Fact]
    public void A_pattern_recorded_as_passed_is_not_probed_again_unless_remembering_is_off()
    {
        var slow = AddSlowPattern();
        Directory.CreateDirectory(_cache);
        File.WriteAllLines(RecordFile, ["runtime " + RuntimeInformation.FrameworkDescription, ProbedPatternRecord.FingerprintOf(slow)]);

        var refused = Assert.Throws<KnowledgeInvalidException>(() => Start(remember: false));
        Assert.Contains(refused.Errors, e => e.Message.Contains("catastrophic backtracking", StringComparison.Ordinal));

        // Only the record can let it through: the probe above refused it.
        Start();
    }

    [Fact]
    public void A_record_written_under_another_runtime_is_ignored()
    {
        var slow = AddSlowPattern();
        Directory.CreateDirectory(_cache);
        File.WriteAllLines(RecordFile, ["runtime .NET 1.0.0", ProbedPatternRecord.FingerprintOf(slow)]);

        var refused = Assert.Throws<KnowledgeInvalidException>(() => Start());

        Assert.Contains(refused.Errors, e => e.Message.Contains("catastrophic backtracking", StringComparison.Ordinal));
    }
}
