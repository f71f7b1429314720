using ChatBot.Benchmarks;

return args.FirstOrDefault() switch
{
    "slack" => await SlackBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/ChatBot.Benchmarks -- <slack>");
    return 2;
}
