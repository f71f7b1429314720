namespace ChatBot.Integration.Tests.Discord;

/// <summary>Tests that make the adapter set <see cref="Environment.ExitCode"/> share it, so they never run at the same time.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessExitCodeCollection
{
    public const string Name = "Process exit code";
}
