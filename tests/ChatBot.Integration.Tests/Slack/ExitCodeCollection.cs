namespace ChatBot.Integration.Tests.Slack;

/// <summary>Tests that set <see cref="Environment.ExitCode"/> run one at a time.</summary>
[CollectionDefinition("ExitCode", DisableParallelization = true)]
public sealed class ExitCodeCollection;
