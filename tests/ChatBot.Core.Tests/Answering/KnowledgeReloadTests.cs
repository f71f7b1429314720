using System.Collections.Concurrent;
using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Answering;

/// <summary>Moderators' edits go live without a restart, and a broken edit never takes the bot down.</summary>
public sealed class KnowledgeReloadTests : IDisposable
{
    private readonly string _folder = TestKnowledge.CopyToTemp();
    private readonly RecordingNotifier _notifier = new();
    private readonly CancellationTokenSource _stop = new();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string SideEffects => Path.Combine(_folder, "faq", "side-effects.yaml");

    [Fact]
    public async Task Valid_edit_goes_live_without_a_restart()
    {
        var (store, _) = StartWatching();
        var before = store.Current.Version;

        Edit(SideEffects, "It does not say how common", "It never says how common");

        await Eventually.TrueAsync(() => store.Current.Version != before, "the new knowledge version");
        Assert.Contains("never says how common", store.Current.Knowledge.Find("side-effects")!.Answer, StringComparison.Ordinal);
        Assert.True(_notifier.Reports.Single().Applied);
    }

    [Fact]
    public async Task Broken_edit_keeps_the_last_good_version_reports_it_and_a_fix_recovers()
    {
        var (store, _) = StartWatching();
        var good = store.Current.Version;

        Edit(SideEffects, "caveats:", "caveatz:");
        await Eventually.TrueAsync(() => _notifier.Reports.Count == 1, "one reload report");

        var rejected = _notifier.Reports.Single();
        Assert.False(rejected.Applied);
        Assert.Equal(good, store.Current.Version);
        Assert.Contains(rejected.Errors, e => e.File.EndsWith("side-effects.yaml", StringComparison.Ordinal) && e.Field == "caveatz" && e.Line > 1);

        Edit(SideEffects, "caveatz:", "caveats:");
        await Eventually.TrueAsync(() => _notifier.Reports.Count == 2, "a second reload report");
        Assert.True(_notifier.Reports.Last().Applied);
        Assert.Equal(good, store.Current.Version);
    }

    [Theory]
    [InlineData("faq/side-effects.yaml", "question: \"What side effects", "question: What side: effects")]
    [InlineData("faq/side-effects.yaml", "are headaches, drowsiness,", "are headaches, nausea,")]
    [InlineData("faq/side-effects.yaml", "related: [kidney-disease,", "related: [nope,")]
    [InlineData("safety.yaml", "patterns:\n", "patterns:\n      - '(unclosed'\n")]
    [InlineData("bot.yaml", "doctor_advice:", "doctor_advise:")]
    public void Every_class_of_error_keeps_the_old_version_serving(string file, string find, string replace)
    {
        var store = Store(RetrievalMode.Lexical);
        var good = store.Current.Version;
        Edit(Path.Combine(_folder, file), find, replace);

        var report = store.Reload();

        Assert.False(report.Applied);
        Assert.NotEmpty(report.Errors);
        Assert.Equal(good, store.Current.Version);
        Assert.Equal("side-effects", new AnswerEngine(store, new NullQuestionObserver()).Ask("side effects?", new AskContext("test")).EntryId);
    }

    [Fact]
    public async Task Rename_save_gives_one_reload()
    {
        // The watcher's clock stands still until the save is complete, so no debounce can end in the middle of it.
        var clock = new FakeTimeProvider();
        var (store, _) = StartWatching(clock);
        var temp = Path.Combine(_folder, "faq", ".side-effects.yaml.swp");
        File.WriteAllText(temp, File.ReadAllText(SideEffects).Replace("It does not say how common", "Nothing on how common", StringComparison.Ordinal));

        File.Move(temp, SideEffects, overwrite: true);
        var saved = FolderVersion();

        await StepUntilAsync(clock, () => _notifier.Reports.Count >= 1, "a reload report");
        await NextEditReloadsAsync(clock);
        Assert.Equal(2, _notifier.Reports.Count);
        Assert.Equal(saved, _notifier.Reports.First().ServingVersion);
        Assert.Contains("Nothing on how common", store.Current.Knowledge.Find("side-effects")!.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkout_touching_many_files_gives_one_reload()
    {
        var clock = new FakeTimeProvider();
        StartWatching(clock);

        foreach (var file in Directory.EnumerateFiles(Path.Combine(_folder, "faq")).Take(12))
        {
            File.AppendAllText(file, "\n# touched by a checkout\n");
        }

        var checkedOut = FolderVersion();
        await StepUntilAsync(clock, () => _notifier.Reports.Count >= 1, "a reload report");
        await NextEditReloadsAsync(clock);
        Assert.Equal(2, _notifier.Reports.Count);
        Assert.Equal(checkedOut, _notifier.Reports.First().ServingVersion);
    }

    [Fact]
    public async Task Questions_in_flight_during_50_reloads_are_each_answered_by_one_complete_version()
    {
        var store = Store(RetrievalMode.Lexical);
        var engine = new AnswerEngine(store, new NullQuestionObserver());
        var answers = new ConcurrentDictionary<string, string> { [store.Current.Version] = store.Current.Knowledge.Find("side-effects")!.Answer };
        var original = File.ReadAllText(SideEffects);

        var reloading = Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                File.WriteAllText(SideEffects, original.Replace("It does not say how common", $"Version {i}: it does not say how common", StringComparison.Ordinal));
                var report = store.Reload();
                Assert.True(report.Applied);
                answers[store.Current.Version] = store.Current.Knowledge.Find("side-effects")!.Answer;
            }
        });
        var replies = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => engine.Ask("what are the side effects of mgt?", new AskContext("test")))));
        await reloading;

        Assert.All(replies, reply =>
        {
            Assert.Equal("side-effects", reply.EntryId);
            Assert.True(answers.TryGetValue(reply.KnowledgeVersion, out var answer), reply.KnowledgeVersion);
            Assert.Equal(answer, reply.Answer);
        });
    }

    [Fact]
    public void One_entry_edit_embeds_only_what_changed()
    {
        // The moderators' tests need the real model (this embedder's vectors mean nothing) and embed their own
        // messages on every reload; this test counts only what the index embeds.
        File.Delete(Path.Combine(_folder, "tests.yaml"));
        var embedder = new CountingEmbedder();
        var store = Store(RetrievalMode.Semantic, embedder);
        var initial = embedder.Embedded;
        Edit(SideEffects, "It does not say how common", "It never says how common");

        store.Reload();

        Assert.True(initial > 200, $"{initial} texts embedded at start");
        Assert.Equal(1, embedder.Embedded - initial);

        Edit(SideEffects, "It never says how common", "It does not say how common");
        store.Reload();
        Assert.Equal(2, embedder.Embedded - initial);
    }

    private (KnowledgeStore Store, KnowledgeWatcher Watcher) StartWatching(TimeProvider? time = null)
    {
        var store = Store(RetrievalMode.Lexical);
        var options = Options.Create(new KnowledgeOptions { Path = _folder, ReloadDebounceMilliseconds = 200, ScanIntervalMilliseconds = 300 });
        var watcher = new KnowledgeWatcher(store, [_notifier], options, time ?? TimeProvider.System, NullLogger<KnowledgeWatcher>.Instance);
        _ = Task.Run(() => watcher.RunAsync(_stop.Token));
        return (store, watcher);
    }

    /// <summary>Steps the watcher's clock a little at a time until <paramref name="condition"/> holds.</summary>
    private static Task StepUntilAsync(FakeTimeProvider clock, Func<bool> condition, string what) =>
        Eventually.TrueAsync(
            () =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
                return condition();
            },
            what);

    /// <summary>
    /// Makes one more edit and waits for its reload. File events arrive in order, so a reload still to come from
    /// the edits before would have been reported ahead of this one: the count of reports after it is final.
    /// </summary>
    private async Task NextEditReloadsAsync(FakeTimeProvider clock)
    {
        File.AppendAllText(Path.Combine(_folder, "bot.yaml"), "\n# the next edit\n");
        var next = FolderVersion();
        await StepUntilAsync(clock, () => _notifier.Reports.Any(r => r.ServingVersion == next), "the next edit's reload");
    }

    private string FolderVersion() => KnowledgeLoader.VersionOf(KnowledgeLoader.ReadFiles(_folder));

    private KnowledgeStore Store(RetrievalMode mode, ITextEmbedder? embedder = null) =>
        TestKnowledge.Store(mode, _folder, embedder);

    private static void Edit(string path, string find, string replace)
    {
        var text = File.ReadAllText(path);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, find);
        File.WriteAllText(path, text[..at] + replace + text[(at + find.Length)..]);
    }

    private sealed class RecordingNotifier : IReloadNotifier
    {
        private readonly ConcurrentQueue<ReloadReport> _reports = new();

        public IReadOnlyCollection<ReloadReport> Reports => _reports.ToArray();

        public Task NotifyAsync(ReloadReport report, CancellationToken cancellationToken)
        {
            _reports.Enqueue(report);
            return Task.CompletedTask;
        }
    }

    private sealed class CountingEmbedder : ITextEmbedder
    {
        private int _embedded;

        public int Embedded => _embedded;

        public string ModelId => "counting";

        public float[][] Embed(IReadOnlyList<string> texts)
        {
            Interlocked.Add(ref _embedded, texts.Count);
            return texts.Select(t => new[] { t.Length, (float)t.GetHashCode() }).ToArray();
        }
    }
}
