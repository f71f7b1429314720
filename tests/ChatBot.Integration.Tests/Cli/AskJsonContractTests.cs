using System.Text.Json;

namespace ChatBot.Integration.Tests.Cli;

/// <summary>The one-line JSON contract of <c>chatbot ask --json</c> that tools depend on.</summary>
public sealed class AskJsonContractTests
{
    private static readonly string[] Fields =
        ["question", "outcome", "entryId", "confidence", "answer", "citations", "evidence", "caveats", "safetyFlags", "doctorAdvice", "related", "text"];

    [Fact]
    public async Task Every_input_line_blank_ones_included_yields_one_json_object_in_order()
    {
        string[] questions = ["side effects?", "", "whats the weather in chicago", "im 20 weeks pregnant, is mgt ok?", "   ", "@everyone dose?"];

        var result = await ChatBotProcess.RunAsync(string.Join('\n', questions) + "\n", "ask", "--json");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(questions.Length, lines.Length);
        var replies = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        for (var i = 0; i < questions.Length; i++)
        {
            Assert.Equal(Fields, replies[i].EnumerateObject().Select(p => p.Name));
            Assert.Equal(questions[i], replies[i].GetProperty("question").GetString());
            Assert.NotEqual(0, replies[i].GetProperty("caveats").GetArrayLength());
            Assert.False(string.IsNullOrWhiteSpace(replies[i].GetProperty("doctorAdvice").GetString()));
            Assert.DoesNotContain("@everyone", replies[i].GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("answer", replies[0].GetProperty("outcome").GetString());
        Assert.Equal("side-effects", replies[0].GetProperty("entryId").GetString());
        var citation = replies[0].GetProperty("citations")[0];
        Assert.Contains("headaches", citation.GetProperty("quote").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("¶", citation.GetProperty("location").GetString(), StringComparison.Ordinal);
        Assert.Equal("no_answer", replies[1].GetProperty("outcome").GetString());
        Assert.Equal("no_answer", replies[2].GetProperty("outcome").GetString());
        Assert.Equal(0, replies[2].GetProperty("citations").GetArrayLength());
        Assert.Equal("", replies[2].GetProperty("answer").GetString());
        Assert.Equal("safety", replies[3].GetProperty("outcome").GetString());
        Assert.Equal(["pregnancy"], replies[3].GetProperty("safetyFlags").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Ask_with_a_question_prints_the_reply_as_a_user_sees_it()
    {
        var result = await ChatBotProcess.RunAsync("", "ask", "does it cross the blood brain barrier?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("blood-brain barrier", result.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Source: \"", result.Output, StringComparison.Ordinal);
        Assert.Contains("See a doctor:", result.Output, StringComparison.Ordinal);
    }
}
