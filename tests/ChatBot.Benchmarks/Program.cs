using ChatBot.Benchmarks;

// Benchmarks, not tests: timings are measured and printed as Markdown, never asserted.
// Usage: dotnet run -c Release --project tests/ChatBot.Benchmarks -- <answer|...>
var which = args.FirstOrDefault() ?? "answer";
return which switch
{
    "answer" => await AnswerBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ChatBot.Benchmarks <answer>");
    return 2;
}
