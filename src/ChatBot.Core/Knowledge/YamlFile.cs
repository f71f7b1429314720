using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Knowledge;

/// <summary>Parses one YAML document, turning syntax errors into a located <see cref="KnowledgeError"/>.</summary>
internal static class YamlFile
{
    public static YamlFields? ReadMapping(string text, string file, List<KnowledgeError> errors, int lineOffset = 0)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            errors.Add(new KnowledgeError(file, (int)e.Start.Line + lineOffset, "", $"not valid YAML: {FirstLine(message)}"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            errors.Add(new KnowledgeError(file, 1 + lineOffset, "", "must be a YAML mapping of fields"));
            return null;
        }

        return new YamlFields(map, file, "", errors, lineOffset);
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return cut < 0 ? message : message[..cut];
    }
}
