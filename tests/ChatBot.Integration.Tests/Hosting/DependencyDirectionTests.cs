using System.Reflection;

namespace ChatBot.Integration.Tests.Hosting;

/// <summary>Host → adapters and storage → Core, never the other way; adapters never reference each other nor storage; only storage holds database drivers.</summary>
public sealed class DependencyDirectionTests
{
    private static readonly Assembly Core = typeof(ChatBot.Core.CoreServiceCollectionExtensions).Assembly;

    /// <summary>Both adapters, or a failure: a test that finds nothing to check must not pass.</summary>
    private static IReadOnlyList<Assembly> Adapters()
    {
        var adapters = Directory.EnumerateFiles(AppContext.BaseDirectory, "ChatBot.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n is "ChatBot.Discord" or "ChatBot.Slack")
            .Select(n => Assembly.Load(n!))
            .ToList();
        Assert.Equal(["ChatBot.Discord", "ChatBot.Slack"], adapters.Select(a => a.GetName().Name).Order());
        return adapters;
    }

    private static string[] References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

    [Fact]
    public void Core_references_no_adapter_no_host_and_no_hosting()
    {
        var references = References(Core);

        Assert.DoesNotContain(references, r => r is "ChatBot.Discord" or "ChatBot.Slack" or "chatbot");
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Core_references_no_database_driver()
    {
        var references = References(Core);

        Assert.DoesNotContain(references, r => r.StartsWith("Npgsql", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("SQLitePCLRaw", StringComparison.Ordinal));
    }

    [Fact]
    public void Adapters_reference_core_but_not_each_other_nor_the_host()
    {
        foreach (var adapter in Adapters())
        {
            var references = References(adapter);
            Assert.Contains("ChatBot.Core", references);
            Assert.DoesNotContain(references, r => r is "ChatBot.Discord" or "ChatBot.Slack" or "chatbot" && r != adapter.GetName().Name);
        }
    }

    [Fact]
    public void Storage_references_core_and_no_adapter_nor_the_host()
    {
        var storage = Assembly.Load("ChatBot.Storage");
        var references = References(storage);

        Assert.Contains("ChatBot.Core", references);
        Assert.DoesNotContain(references, r => r is "ChatBot.Discord" or "ChatBot.Slack" or "chatbot");
        Assert.All(Adapters(), adapter => Assert.DoesNotContain("ChatBot.Storage", References(adapter)));
    }
}
