using System.Globalization;
using System.Text;
using ChatBot.Core.Answering;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Moderation;

/// <summary>
/// The moderators' commands, platform-neutral: <c>status</c>, <c>reload</c>, <c>gaps [days]</c>,
/// <c>feedback</c>. Adapters check who is a moderator and render the reply (ephemerally); the
/// reply is an ordinary <see cref="Reply"/>, so it carries the caveat and doctor advice like any other.
/// </summary>
public sealed class ModeratorCommands(IAnswerEngine engine, KnowledgeStore store, KnowledgeWatcher watcher)
{
    public const string Usage = "Moderator commands: status | reload | gaps [days] | feedback";

    public async Task<Reply> RunAsync(string commandLine, CancellationToken cancellationToken)
    {
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var text = words switch
        {
            ["status"] => Status(),
            ["reload"] => (await watcher.ReloadNowAsync(cancellationToken)).Describe(),
            _ => Usage,
        };
        return engine.Info(text);
    }

    private string Status()
    {
        var current = store.Current;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Knowledge {current.Version}: {current.Knowledge.Entries.Count} entries, retrieval {current.Retriever.Mode}, live since {current.LoadedAt:u}.");
        if (store.LastReload is { } last)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"Last reload ({last.At:u}): ").Append(last.Describe());
        }

        return text.ToString();
    }
}
