using ChatBot.Benchmarks;

// Benchmarks, not tests: timings are measured and printed as Markdown, never asserted.
// Usage: dotnet run -c Release --project tests/ChatBot.Benchmarks -- <answer [MiniLm|ArcticXs]|triage|discord|slack|log|reload|conversation|embed|replay>
var which = args.FirstOrDefault() ?? "answer";
return which switch
{
    "answer" => await AnswerBenchmark.RunAsync(args.Skip(1).ToArray()),
    "discord" => await DiscordBenchmark.RunAsync(),
    "slack" => await SlackBenchmark.RunAsync(args.Skip(1).ToArray()),
    "log" => await QuestionLogBenchmark.RunAsync(),
    "reload" => ReloadBenchmark.Run(),
    "triage" => TriageBenchmark.Run(),
    "conversation" => ConversationBenchmark.Run(),
    "embed" => EmbedBenchmark.Run(),
    "replay" => ReplayBenchmark.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ChatBot.Benchmarks <answer [MiniLm|ArcticXs]|triage|discord|slack|log|reload|conversation|embed|replay>");
    return 2;
}
