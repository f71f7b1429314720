using System.Globalization;
using System.Text;
using ChatBot.Core.Answering;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Text;

namespace ChatBot.Benchmarks;

/// <summary>
/// Not a timing: one line per standard-input question with everything the engine decided (reply, flags and why,
/// the semantic evidence, every candidate with its scores to the last bit), so that a speed change can be
/// shown to leave every answer as it was by diffing two runs.
/// </summary>
public static class ReplayBenchmark
{
    public static int Run()
    {
        var embedder = new MiniLmEmbedder();
        var store = AnswerBenchmark.Store(Path.Combine(AnswerBenchmark.Root(), "knowledge"), RetrievalMode.Semantic, embedder, Path.Combine(Path.GetTempPath(), "chatbot-bench-cache"));
        var snapshot = store.Current;
        var output = new StringBuilder();
        while (Console.In.ReadLine() is { } line)
        {
            var question = QuestionNormalizer.Normalize(line);
            var reply = AnswerEngine.Answer(snapshot, question);
            output.Clear().Append(reply.Outcome).Append('|').Append(reply.EntryId).Append('|').Append(Bits(reply.Confidence))
                .Append('|').Append(string.Join(',', reply.SafetyFlags)).Append('|').Append(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(reply.Text)))[..16]);
            if (question.Any(char.IsLetterOrDigit))
            {
                var vectors = snapshot.Retriever.NewVectors();
                var text = snapshot.Retriever.Prepare(question);
                var assessment = snapshot.Triage(question, text, vectors);
                foreach (var flag in assessment.Flags)
                {
                    output.Append(" F:").Append(flag.Category.Id).Append('/').Append(flag.Signal).Append('/').Append(flag.Because).Append('/').Append(Bits(flag.Similarity));
                }

                foreach (var e in assessment.Semantic)
                {
                    output.Append(" S:").Append(e.Category).Append('/').Append(e.Example).Append('/').Append(Bits(e.ExampleSimilarity))
                        .Append('/').Append(e.LookAlike).Append('/').Append(Bits(e.LookAlikeSimilarity)).Append('/').Append(e.Clause).Append('/').Append(e.IsClause);
                }

                var decision = snapshot.Retriever.DecidePrepared(text, vectors);
                output.Append(" D:").Append(decision.Kind).Append('/').Append(decision.Gap?.Id).Append('/').Append(Bits(decision.GapScore))
                    .Append('/').Append(decision.Intent?.Id).Append('/').Append(decision.Companion?.Id);
                foreach (var c in decision.Candidates)
                {
                    output.Append(" C:").Append(c.Entry.Id).Append('/').Append(Bits(c.Score)).Append('/').Append(Bits(c.Semantic))
                        .Append('/').Append(Bits(c.Lexical)).Append('/').Append(c.ClosestPhrase);
                }
            }

            Console.WriteLine(output.ToString());
        }

        return 0;
    }

    private static string Bits(double value) => BitConverter.DoubleToInt64Bits(value).ToString("x16", CultureInfo.InvariantCulture);
}
