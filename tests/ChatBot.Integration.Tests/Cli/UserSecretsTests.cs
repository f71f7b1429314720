using System.Reflection;
using ChatBot.Host.Cli;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace ChatBot.Integration.Tests.Cli;

/// <summary>User secrets are read in every environment (these runs are Production), below environment variables.</summary>
public sealed class UserSecretsTests : IDisposable
{
    private readonly string _home = Repository.TempFolder("chatbot-home");

    private readonly string _knowledge = Repository.TempFolder("chatbot-copy");

    public UserSecretsTests()
    {
        var id = typeof(CommandLine).Assembly.GetCustomAttribute<UserSecretsIdAttribute>()!.UserSecretsId;
        var folder = Path.Combine(_home, ".microsoft", "usersecrets", id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "secrets.json"), """{ "Knowledge": { "Path": "/nonexistent/from-user-secrets" } }""");
    }

    public void Dispose()
    {
        Directory.Delete(_home, recursive: true);
        Directory.Delete(_knowledge, recursive: true);
    }

    [Fact]
    public async Task User_secrets_are_read_in_production()
    {
        var result = await ChatBotProcess.RunInAsync(Repository.Root, Home(), "", "faq", "validate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/nonexistent/from-user-secrets", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_variables_override_user_secrets()
    {
        var environment = Home();
        // A copy with a tenth of the members' phrasings: which folder is read is the point, not its phrasings.
        environment["Knowledge__Path"] = KnowledgeCopy.WithFewerPhrasings(_knowledge);

        var result = await ChatBotProcess.RunInAsync(Repository.Root, environment, "", "faq", "validate", "--Retrieval:Mode=Lexical");

        Assert.Equal(0, result.ExitCode);
    }

    private Dictionary<string, string?> Home() => new() { ["HOME"] = _home, ["APPDATA"] = null, ["DOTNET_USER_SECRETS_FALLBACK_DIR"] = null };
}
