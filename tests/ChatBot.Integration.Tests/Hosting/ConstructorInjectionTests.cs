using System.Reflection;

namespace ChatBot.Integration.Tests.Hosting;

/// <summary>Adapters say what they need in their constructors; none looks services up in the container.</summary>
public sealed class ConstructorInjectionTests
{
    [Theory]
    [InlineData("ChatBot.Discord")]
    [InlineData("ChatBot.Slack")]
    public void No_adapter_type_takes_the_service_provider(string assembly)
    {
        var locators = Assembly.Load(assembly).GetTypes()
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IServiceProvider))))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(locators);
    }
}
