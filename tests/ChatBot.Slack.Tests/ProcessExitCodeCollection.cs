namespace ChatBot.Slack.Tests;

/// <summary>Tests that make the host set <see cref="Environment.ExitCode"/> share it, so they never run at the same time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessExitCodeCollection
{
    public const string Name = "Process exit code";
}
