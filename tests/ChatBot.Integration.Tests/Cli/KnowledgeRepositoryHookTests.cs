using System.Diagnostics;
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

    public KnowledgeRepositoryHookTests()
    {
        foreach (var file in Directory.EnumerateFiles(Repository.Knowledge, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(_repo, Path.GetRelativePath(Repository.Knowledge, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Fact]
    public async Task Pre_commit_hook_refuses_a_staged_edit_that_would_not_go_live_and_names_the_line()
    {
        await GitAsync("init", "-q");
        Break("faq/side-effects.yaml");
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
        Break("faq/side-effects.yaml");

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

    private void Break(string file)
    {
        var path = Path.Combine(_repo, file);
        File.WriteAllText(path, File.ReadAllText(path).Replace("caveats:", "caveatz:", StringComparison.Ordinal));
    }

    private Task<(int ExitCode, string Output, string Error)> HookAsync() =>
        RunAsync("sh", [Path.Combine(Samples, "pre-commit")], new() { ["CHATBOT"] = $"dotnet {Repository.ChatBotDll} --Retrieval:Mode=Lexical" });

    private async Task GitAsync(params string[] args)
    {
        var result = await RunAsync("git", args, []);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', args)}: {result.Error}");
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = _repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["QuestionLog__Enabled"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
