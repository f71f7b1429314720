using System.Text.RegularExpressions;
using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Moderation;
using ChatBot.Core.QuestionLog.Reports;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Moderation;

public sealed class ModeratorCommandsTests : IDisposable
{
    private readonly string _folder = TestKnowledge.CopyToTemp();
    private readonly KnowledgeStore _store;
    private readonly ModeratorCommands _commands;

    // What the commands report does not depend on how many members' phrasings there are, and a lexical load checks
    // every look-alike against every pattern.
    public ModeratorCommandsTests()
    {
        Folders.KeepFewerPhrasings(_folder, every: 10);
        _store = TestKnowledge.Store(RetrievalMode.Lexical, _folder);
        var engine = new AnswerEngine(_store, new NullQuestionObserver());
        var watcher = new KnowledgeWatcher(_store, [], Options.Create(new KnowledgeOptions { Path = _folder }), TimeProvider.System, NullLogger<KnowledgeWatcher>.Instance);
        _commands = new ModeratorCommands(engine, _store, watcher, new DisabledModeratorReports(TimeProvider.System));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Status_names_the_version_and_entry_count()
    {
        var reply = await _commands.RunAsync("status", CancellationToken.None);

        Assert.Contains(_store.Current.Version, reply.Message, StringComparison.Ordinal);
        Assert.Contains($"{_store.Current.Knowledge.Entries.Count} entries", reply.Message, StringComparison.Ordinal);
        Assert.True(QuestionSetEvaluator.CarriesInvariant(reply));
    }

    [Fact]
    public async Task Reload_of_a_broken_edit_reports_file_line_and_field_and_keeps_serving()
    {
        var file = Path.Combine(_folder, "faq", "side-effects.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("caveats:", "caveatz:", StringComparison.Ordinal));

        var reply = await _commands.RunAsync("reload", CancellationToken.None);

        Assert.Contains("rejected", reply.Message, StringComparison.Ordinal);
        Assert.Matches(@"side-effects\.yaml:\d+: caveatz", reply.Message);
        Assert.Contains("Last reload", (await _commands.RunAsync("status", CancellationToken.None)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gaps")]
    [InlineData("gaps 30")]
    [InlineData("feedback")]
    public async Task Reports_say_so_when_the_question_log_is_off(string command) =>
        Assert.Equal(ModeratorReportText.Disabled, (await _commands.RunAsync(command, CancellationToken.None)).Message);

    [Fact]
    public async Task Unknown_command_shows_usage() =>
        Assert.Equal(ModeratorCommands.Usage, (await _commands.RunAsync("dance", CancellationToken.None)).Message);

    [Fact]
    public async Task Check_names_the_entry_the_runner_up_and_why_a_red_flag_fired()
    {
        var reply = await _commands.RunAsync("check im 20 weeks pregnant, side effects?", CancellationToken.None);

        Assert.Contains("Outcome: side-effects [pregnancy]", reply.Message, StringComparison.Ordinal);
        Assert.Contains("Runner-up: ", reply.Message, StringComparison.Ordinal);
        Assert.Contains("• pregnancy: pattern", reply.Message, StringComparison.Ordinal);
        Assert.True(QuestionSetEvaluator.CarriesInvariant(reply));
    }

    [Fact]
    public async Task Check_without_a_message_shows_usage() =>
        Assert.Equal(ModeratorCommands.Usage, (await _commands.RunAsync("check", CancellationToken.None)).Message);

    [Fact]
    public async Task Status_lists_each_version_that_went_live_and_the_entries_it_changed()
    {
        var first = _store.Current.Version;
        EditSideEffectsAnswer();
        await _commands.RunAsync("reload", CancellationToken.None);

        var status = (await _commands.RunAsync("status", CancellationToken.None)).Message;

        Assert.Matches($@"• [-0-9: Z]+{_store.Current.Version}: \d+ entries; edited side-effects", status);
        Assert.Contains($"{first}: ", status, StringComparison.Ordinal);
        Assert.True(status.IndexOf(_store.Current.Version, StringComparison.Ordinal) < status.LastIndexOf(first, StringComparison.Ordinal), "newest first");
    }

    [Fact]
    public async Task Diff_shows_what_the_saved_folder_would_answer_differently_before_it_goes_live()
    {
        AskSideEffectsAboutPrice();

        var diff = (await _commands.RunAsync("diff", CancellationToken.None)).Message;

        Assert.Contains("against the live version", diff, StringComparison.Ordinal);
        Assert.Matches($"• \"{Regex.Escape(PriceQuestion)}\": [^→]+ → side-effects", diff);
        Assert.Single(_store.History);
    }

    [Fact]
    public async Task Diff_of_an_edit_the_gate_refuses_names_the_failing_test_with_its_line()
    {
        AddGapWithPhrase("mgt vs glycinate for slep?");

        var diff = (await _commands.RunAsync("diff", CancellationToken.None)).Message;

        Assert.Contains("would not go live", diff, StringComparison.Ordinal);
        Assert.Matches(@"tests\.yaml:\d+: ", diff);
    }

    [Fact]
    public async Task Diff_after_an_edit_went_live_shows_what_that_change_did()
    {
        AskSideEffectsAboutPrice();
        await _commands.RunAsync("reload", CancellationToken.None);

        var diff = (await _commands.RunAsync("diff", CancellationToken.None)).Message;

        Assert.Contains("What its last change did", diff, StringComparison.Ordinal);
        Assert.Matches($"• \"{Regex.Escape(PriceQuestion)}\": [^→]+ → side-effects", diff);
    }

    private const string PriceQuestion = "How much does a bottle of magnesium L-threonate cost?";

    /// <summary>An edit that changes what users get: the side-effects entry now claims a price question (its tests removed, so the gate lets it through).</summary>
    private void AskSideEffectsAboutPrice()
    {
        File.Delete(Path.Combine(_folder, KnowledgeLoader.TestsFile));
        var file = Path.Combine(_folder, "faq", "side-effects.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace(_store.Current.Knowledge.Find("side-effects")!.Question, PriceQuestion, StringComparison.Ordinal));
    }

    private void EditSideEffectsAnswer()
    {
        var file = Path.Combine(_folder, "faq", "side-effects.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("how common or", "how often or", StringComparison.Ordinal));
    }

    /// <summary>A known-gap phrasing that takes a question away from its entry: the edit a careless moderator makes.</summary>
    private void AddGapWithPhrase(string phrase)
    {
        var file = Path.Combine(_folder, "not-covered.yaml");
        File.AppendAllText(file, $"  - id: careless-edit\n    description: a phrasing copied from a question an entry answers\n    phrases:\n      - \"{phrase}\"\n");
    }
}
