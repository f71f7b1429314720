using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Host.Startup;

/// <summary>
/// User secrets in every environment, not only Development: a bot started as Production on a developer's
/// machine must see the tokens it was given. They rank where the default builder puts them: above
/// appsettings.json, below environment variables and the command line.
/// </summary>
public static class UserSecretsConfiguration
{
    public static void AddInEveryEnvironment(HostApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            return; // the default builder has added them already
        }

        var secrets = new ConfigurationBuilder().AddUserSecrets(typeof(UserSecretsConfiguration).Assembly, optional: true, reloadOnChange: false).Sources;
        if (secrets.Count == 0)
        {
            return;
        }

        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        var environment = sources.Select((source, index) => (source, index))
            .LastOrDefault(s => s.source is EnvironmentVariablesConfigurationSource { Prefix: null or "" }, (null!, sources.Count)).index;
        sources.Insert(environment, secrets[0]);
    }
}
