using YamlDotNet.RepresentationModel;

namespace ChatBot.Integration.Tests.Cli;

/// <summary>
/// The samples for a knowledge repository (<c>docs/knowledge-repository/</c>): the pre-commit hook refuses a
/// commit whose staged knowledge would not go live and lets a good one through; the CI sample runs both checks.
/// </summary>
public sealed class KnowledgeRepositoryHookTests : IDisposable
{
    private static readonly string Samples = Path.Combine(Repository.Root, "docs", "knowledge-repository");
    private readonly string _repo = Repository.TempFolder("chatbot-knowledge-repo");

    // The hook's checks, not the shipped phrasings (the core tests check those in full): a tenth of them is enough.
    public KnowledgeRepositoryHookTests() => KnowledgeCopy.WithFewerPhrasings(_repo);

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Fact]
    public async Task Pre_commit_hook_refuses_a_staged_edit_that_would_not_go_live_and_names_the_line()
    {
        await GitAsync("init", "-q");
        KnowledgeCopy.Break(_repo);
        await GitAsync("add", "-A");

        var hook = await HookAsync();

        Assert.Equal(1, hook.ExitCode);
        Assert.Matches(@"side-effects\.yaml:\d+: caveatz", hook.Error);
        Assert.Contains("would not go live", hook.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pre_commit_hook_passes_a_good_staged_version_whatever_is_left_unstaged()
    {
        await GitAsync("init", "-q");
        await GitAsync("add", "-A");
        KnowledgeCopy.Break(_repo);

        var hook = await HookAsync();

        Assert.True(hook.ExitCode == 0, hook.Error);
        Assert.Contains("tests pass", hook.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ci_sample_runs_validate_and_test_on_the_knowledge_repository()
    {
        using var reader = new StreamReader(Path.Combine(Samples, "knowledge-check.yml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"])["check"])["steps"];
        var commands = steps.Children.OfType<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey("run"))
            .Select(s => ((YamlScalarNode)s["run"]).Value!)
            .ToArray();

        Assert.Contains(commands, c => c.Contains("-- faq validate --knowledge", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("-- faq test --knowledge", StringComparison.Ordinal));
    }

    private Task<ChatBotProcess.Result> HookAsync() =>
        ChatBotProcess.RunProgramAsync("sh", [Path.Combine(Samples, "pre-commit")], _repo,
            new Dictionary<string, string?> { ["CHATBOT"] = $"dotnet {Repository.ChatBotDll} --Retrieval:Mode=Lexical" });

    private async Task GitAsync(params string[] args)
    {
        var result = await ChatBotProcess.RunProgramAsync("git", args, _repo, new Dictionary<string, string?>());
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', args)}: {result.Error}");
    }
}
