using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Moderation;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Moderation;

public sealed class ModeratorCommandsTests : IDisposable
{
    private readonly string _folder = TestKnowledge.CopyToTemp();
    private readonly KnowledgeStore _store;
    private readonly ModeratorCommands _commands;

    public ModeratorCommandsTests()
    {
        _store = TestKnowledge.Store(RetrievalMode.Lexical, _folder);
        var engine = new AnswerEngine(_store, new NullQuestionObserver());
        var watcher = new KnowledgeWatcher(_store, [], Options.Create(new KnowledgeOptions { Path = _folder }), TimeProvider.System, NullLogger<KnowledgeWatcher>.Instance);
        _commands = new ModeratorCommands(engine, _store, watcher);
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

    [Fact]
    public async Task Unknown_command_shows_usage() =>
        Assert.Equal(ModeratorCommands.Usage, (await _commands.RunAsync("dance", CancellationToken.None)).Message);
}
