using ChatBot.Core.QuestionLog;

namespace ChatBot.Core.Tests.QuestionLog;

public sealed class QuestionLogDependencyTests
{
    [Fact]
    public void Core_runs_its_loops_without_referencing_the_generic_host()
    {
        var references = typeof(QuestionLogWriter).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain("Microsoft.Extensions.Hosting", references);
        Assert.DoesNotContain("Microsoft.Extensions.Hosting.Abstractions", references);
    }
}
