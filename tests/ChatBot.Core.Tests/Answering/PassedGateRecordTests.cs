using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Answering;

/// <summary>A start skips the gate only for the very version that passed it; any change is gated again.</summary>
public sealed class PassedGateRecordTests : IDisposable
{
    private readonly string _folder = TestKnowledge.CopyToTemp();
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "chatbot-gates-" + Guid.NewGuid().ToString("N")[..8]);

    // Which versions skip the gate is the point, not the shipped phrasings: each lexical start checks every look-alike.
    public PassedGateRecordTests()
    {
        Folders.KeepFewerPhrasings(_folder, every: 10);
        Lexical = new() { Mode = RetrievalMode.Lexical, CachePath = _cache };
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private RetrievalOptions Lexical { get; }

    private KnowledgeStore Start(bool remember = true)
    {
        return new KnowledgeStore(
            Options.Create(new KnowledgeOptions { Path = _folder, RememberPassedGate = remember }),
            Options.Create(Lexical),
            RememberingEmbedder.Instance,
            TimeProvider.System,
            NullLogger<KnowledgeStore>.Instance);
    }

    [Fact]
    public void A_start_records_its_pass_and_a_changed_version_is_gated_again()
    {
        var first = Start();
        Assert.True(new PassedGateRecord(_cache).Has(PassedGateRecord.KeyOf(first.Current, Lexical, null)));

        // A moderator test that cannot hold: the edited folder must be refused at start though the last one passed.
        var tests = Path.Combine(_folder, "tests.yaml");
        File.AppendAllText(tests, "  - message: \"side effects?\"\n    expect: kidney-disease\n");

        var refused = Assert.Throws<KnowledgeInvalidException>(() => Start());

        Assert.Contains(refused.Errors, e => e.File == "tests.yaml" && e.Message.Contains("expected kidney-disease", StringComparison.Ordinal));
        Assert.Single(File.ReadAllLines(Path.Combine(_cache, "gates-passed.txt")));
    }

    [Fact]
    public void A_recorded_pass_skips_the_gate_unless_remembering_is_off()
    {
        // A version that fails its gate, recorded as passed: only the record lets it start.
        File.AppendAllText(Path.Combine(_folder, "tests.yaml"), "  - message: \"side effects?\"\n    expect: kidney-disease\n");
        var loaded = KnowledgeLoader.Load(_folder).Knowledge!;
        var snapshot = SnapshotBuilder.Build(loaded, Lexical, null, DateTimeOffset.UnixEpoch);
        new PassedGateRecord(_cache).Add(PassedGateRecord.KeyOf(snapshot, Lexical, null));

        var started = Start();

        Assert.Equal(snapshot.Version, started.Current.Version);
        Assert.Throws<KnowledgeInvalidException>(() => Start(remember: false));
    }

    [Fact]
    public void The_key_follows_every_file_and_every_retrieval_setting()
    {
        var snapshot = Start(remember: false).Current;
        var key = PassedGateRecord.KeyOf(snapshot, Lexical, null);

        Assert.Equal(key, PassedGateRecord.KeyOf(snapshot, Lexical, null));
        Assert.NotEqual(key, PassedGateRecord.KeyOf(snapshot, new RetrievalOptions { Mode = RetrievalMode.Lexical, CachePath = _cache, LexicalThreshold = 0.31 }, null));
        Assert.NotEqual(key, PassedGateRecord.KeyOf(snapshot, Lexical, "another-model"));
        File.AppendAllText(Path.Combine(_folder, "bot.yaml"), "\n# a comment changes the version\n");
        Assert.NotEqual(key, PassedGateRecord.KeyOf(Start(remember: false).Current, Lexical, null));
        Assert.False(Directory.Exists(_cache));
    }

    [Fact]
    public void Only_the_newest_passes_are_kept_and_an_unwritable_folder_is_harmless()
    {
        var record = new PassedGateRecord(_cache);
        for (var i = 0; i < 40; i++)
        {
            record.Add("key" + i);
        }

        Assert.False(record.Has("key7"));
        Assert.True(record.Has("key8"));
        Assert.True(record.Has("key39"));
        Assert.Equal(32, File.ReadAllLines(Path.Combine(_cache, "gates-passed.txt")).Length);

        var blocked = Path.Combine(_cache, "a-file");
        File.WriteAllText(blocked, "");
        var unwritable = new PassedGateRecord(blocked);
        unwritable.Add("key");
        Assert.False(unwritable.Has("key"));
    }
}
