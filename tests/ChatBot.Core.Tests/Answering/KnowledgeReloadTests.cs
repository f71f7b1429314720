using System.Collections.Concurrent;
using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Logging;
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

    // Every store here is lexical but one, which counts embeddings: what these tests check does not depend on how many
    // members' phrasings there are, and a lexical load checks every look-alike against every pattern.
    public KnowledgeReloadTests() => Folders.KeepFewerPhrasings(_folder, every: 10);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    private string SideEffects => Path.Combine(_folder, "faq", "side-effects.yaml");

    [Fact]
    public async Task Valid_edit_goes_live_without_a_restart()
    {
        var store = StartWatching();
        var before = store.Current.Version;

        Edit(SideEffects, "It does not say how common", "It never says how common");

        // The report follows the swap: wait for both.
        await Eventually.TrueAsync(() => store.Current.Version != before && _notifier.Reports.Count == 1, "the new knowledge version and its report");
        Assert.Contains("never says how common", store.Current.Knowledge.Find("side-effects")!.Answer, StringComparison.Ordinal);
        Assert.True(_notifier.Reports.Single().Applied);
    }

    [Fact]
    public async Task Broken_edit_keeps_the_last_good_version_reports_it_and_a_fix_recovers()
    {
        var store = StartWatching();
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
    public async Task A_checkout_is_reloaded_once_the_folder_has_been_quiet_for_the_debounce()
    {
        // A checkout whose file events span more than one debounce: half of it, a change, half a debounce, the rest, a change.
        var clock = new WatchClock();
        var store = Store(RetrievalMode.Lexical);
        Edit(SideEffects, "It does not say how common", "Nothing on how common");
        var watcher = StartWatching(store, clock);
        watcher.FolderChanged();
        await Eventually.TrueAsync(() => clock.Waits >= 1 || _notifier.Reports.Count > 0, "the debounce to start");
        Assert.Empty(_notifier.Reports); // no reload on the first change of many

        clock.Advance(Debounce / 2);
        File.AppendAllText(Path.Combine(_folder, "bot.yaml"), "\n# the rest of the checkout\n");
        var checkedOut = FolderVersion();
        watcher.FolderChanged();
        clock.Advance(Debounce / 2);
        await Eventually.TrueAsync(() => clock.Waits >= 2 || _notifier.Reports.Count > 0, "the debounce to start again");
        Assert.Empty(_notifier.Reports); // a whole debounce since the first change, but only half since the last

        await StepUntilAsync(clock, () => _notifier.Reports.Count > 0, "the reload");
        Assert.Equal(checkedOut, _notifier.Reports.First().ServingVersion);
        Assert.Contains("Nothing on how common", store.Current.Knowledge.Find("side-effects")!.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_that_leaves_the_content_as_it_was_reloads_nothing()
    {
        var clock = new WatchClock();
        var logs = new CapturingLoggerProvider();
        var watcher = StartWatching(Store(RetrievalMode.Lexical), clock, logs);
        // Saved as it was: file events, and the same content.
        File.WriteAllText(SideEffects, File.ReadAllText(SideEffects));
        watcher.FolderChanged();

        await StepUntilAsync(clock, () => logs.Lines.Any(l => l.Message.Contains("content did not", StringComparison.Ordinal)) || _notifier.Reports.Count > 0, "the content check");
        Assert.Empty(_notifier.Reports);

        Edit(SideEffects, "It does not say how common", "It never says how common");
        var edited = FolderVersion();
        watcher.FolderChanged();
        await StepUntilAsync(clock, () => _notifier.Reports.Count > 0, "the reload of a real edit");
        Assert.Equal(edited, _notifier.Reports.Single().ServingVersion);
    }

    [Fact]
    public async Task Questions_in_flight_during_20_reloads_are_each_answered_by_one_complete_version()
    {
        // What is checked is the swap, not the gate: without the moderators' tests each reload costs a fraction.
        File.Delete(Path.Combine(_folder, "tests.yaml"));
        var store = Store(RetrievalMode.Lexical);
        var engine = new AnswerEngine(store, new NullQuestionObserver());
        var answers = new ConcurrentDictionary<string, string> { [store.Current.Version] = store.Current.Knowledge.Find("side-effects")!.Answer };
        var original = File.ReadAllText(SideEffects);

        var reloading = Task.Run(() =>
        {
            for (var i = 0; i < 20; i++)
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
        var (store, embedder) = CountingSemanticStore();
        var initial = embedder.Embedded;
        Edit(SideEffects, "It does not say how common", "It never says how common");

        store.Reload();

        Assert.True(initial > 200, $"{initial} texts embedded at start");
        Assert.Equal(1, embedder.Embedded - initial);

        Edit(SideEffects, "It never says how common", "It does not say how common");
        store.Reload();
        Assert.Equal(2, embedder.Embedded - initial);
    }

    [Fact]
    public void The_phrase_check_after_a_reload_finds_every_clause_it_reads_in_the_cache()
    {
        var (store, embedder) = CountingSemanticStore();
        var atStart = embedder.Embedded;
        store.CheckPhrases();
        Assert.True(embedder.Embedded > atStart, "the first check embeds the clauses a start does not need");
        Edit(SideEffects, "It does not say how common", "It never says how common");
        store.Reload();
        var afterReload = embedder.Embedded;

        store.CheckPhrases();

        // Only the edited answer was embedded by the reload; the check's clauses of long or glossed phrasings were kept.
        Assert.Equal(afterReload, embedder.Embedded);
    }

    /// <summary>
    /// A semantic store whose embedder counts what reaches it, on a copy with one in ten of the members' phrasings (what is
    /// counted does not depend on how many there are). The moderators' tests need the real model (this embedder's vectors
    /// mean nothing) and embed their own messages on every reload, so the copy has none: a test counts only what the
    /// indexes and the phrase check embed.
    /// </summary>
    private (KnowledgeStore Store, CountingEmbedder Embedder) CountingSemanticStore()
    {
        File.Delete(Path.Combine(_folder, "tests.yaml"));
        var embedder = new CountingEmbedder();
        return (Store(RetrievalMode.Semantic, embedder), embedder);
    }

    private KnowledgeStore StartWatching()
    {
        var store = Store(RetrievalMode.Lexical);
        var options = Options.Create(new KnowledgeOptions { Path = _folder, ReloadDebounceMilliseconds = 200, ScanIntervalMilliseconds = 300 });
        var watcher = new KnowledgeWatcher(store, [_notifier], options, TimeProvider.System, NullLogger<KnowledgeWatcher>.Instance);
        _ = Task.Run(() => watcher.RunAsync(_stop.Token));
        return store;
    }

    /// <summary>
    /// A watcher on a clock of the test's, whose scan never comes round: the test's own <see cref="KnowledgeWatcher.FolderChanged"/>
    /// calls stand for the file events (real ones, from the test's edits, may come too, at whatever time the clock shows).
    /// </summary>
    private KnowledgeWatcher StartWatching(KnowledgeStore store, WatchClock clock, CapturingLoggerProvider? logs = null)
    {
        var options = Options.Create(new KnowledgeOptions { Path = _folder, ReloadDebounceMilliseconds = (int)Debounce.TotalMilliseconds, ScanIntervalMilliseconds = 600_000 });
        var logger = logs is null
            ? (ILogger<KnowledgeWatcher>)NullLogger<KnowledgeWatcher>.Instance
            : LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs)).CreateLogger<KnowledgeWatcher>();
        var watcher = new KnowledgeWatcher(store, [_notifier], options, clock, logger);
        _ = Task.Run(() => watcher.RunAsync(_stop.Token));
        return watcher;
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

    /// <summary>A fake clock that counts the one-off waits started on it: the watcher's debounce waits, its scan being periodic.</summary>
    private sealed class WatchClock : FakeTimeProvider
    {
        private int _waits;

        public int Waits => Volatile.Read(ref _waits);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (period == Timeout.InfiniteTimeSpan)
            {
                Interlocked.Increment(ref _waits);
            }

            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
