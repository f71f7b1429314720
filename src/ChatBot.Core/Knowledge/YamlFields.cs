using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Reads the fields of one YAML mapping and records every problem as a <see cref="KnowledgeError"/>
/// with file, line and field path, so a moderator's typo is reported precisely instead of thrown.
/// </summary>
internal sealed class YamlFields(YamlMappingNode map, string file, string path, List<KnowledgeError> errors, int lineOffset = 0)
{
    private readonly YamlMappingNode _map = map;
    private readonly string _file = file;
    private readonly string _path = path;
    private readonly List<KnowledgeError> _errors = errors;
    private readonly int _lineOffset = lineOffset;

    public int Line => LineOf(_map);

    public int LineOf(YamlNode node) => (int)node.Start.Line + _lineOffset;

    public string FieldPath(string field) => _path.Length == 0 ? field : $"{_path}.{field}";

    /// <summary>The fields of a mapping found inside <paramref name="field"/> (a list item, for example).</summary>
    public YamlFields Child(YamlMappingNode map, string field) => new(map, _file, FieldPath(field), _errors, _lineOffset);

    /// <summary>
    /// Records an error. A list or mapping value is reported at its key's line (where a person looks),
    /// a text value at its own line, no node at the line of this mapping.
    /// </summary>
    public void Error(string field, string message, YamlNode? at = null)
    {
        var key = _map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == field);
        var line = at switch
        {
            null => Line,
            YamlScalarNode => LineOf(at),
            _ when key is not null && ReferenceEquals(_map.Children[key], at) => LineOf(key),
            _ => LineOf(at),
        };
        _errors.Add(new KnowledgeError(_file, line, field.Length == 0 ? _path : FieldPath(field), message));
    }

    public YamlNode? Node(string field) =>
        _map.Children.TryGetValue(new YamlScalarNode(field), out var node) ? node : null;

    public string String(string field, bool required = true)
    {
        var node = Node(field);
        if (node is null)
        {
            if (required)
            {
                Error(field, "is missing");
            }

            return "";
        }

        if (node is not YamlScalarNode scalar)
        {
            Error(field, "must be text", node);
            return "";
        }

        var value = (scalar.Value ?? "").Trim();
        if (required && value.Length == 0)
        {
            Error(field, "must not be empty", node);
        }

        return value;
    }

    public IReadOnlyList<string> Strings(string field, int minimum, bool required = true)
    {
        var node = Node(field);
        if (node is null)
        {
            if (required)
            {
                Error(field, minimum > 0 ? $"is missing (needs at least {minimum})" : "is missing");
            }

            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(field, "must be a list", node);
            return [];
        }

        var values = new List<string>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            if (item is YamlScalarNode { Value: { } text } && text.Trim().Length > 0)
            {
                values.Add(text.Trim());
            }
            else
            {
                _errors.Add(new KnowledgeError(_file, LineOf(item), $"{FieldPath(field)}[{i}]", "must be non-empty text"));
            }
        }

        if (values.Count < minimum)
        {
            Error(field, $"needs at least {minimum} item(s), has {values.Count}", node);
        }

        return values;
    }

    /// <summary>Each item of a list of mappings, with its index and line.</summary>
    public IReadOnlyList<(YamlFields Fields, int Index, YamlNode Node)> Mappings(string field, int minimum)
    {
        var node = Node(field);
        if (node is null)
        {
            Error(field, $"is missing (needs at least {minimum})");
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(field, "must be a list", node);
            return [];
        }

        var items = new List<(YamlFields, int, YamlNode)>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            if (item is YamlMappingNode map)
            {
                items.Add((new YamlFields(map, _file, $"{FieldPath(field)}[{i}]", _errors, _lineOffset), i, item));
            }
            else
            {
                _errors.Add(new KnowledgeError(_file, LineOf(item), $"{FieldPath(field)}[{i}]", "must be a mapping of fields"));
            }
        }

        if (items.Count < minimum)
        {
            Error(field, $"needs at least {minimum} item(s), has {items.Count}", node);
        }

        return items;
    }

    public YamlFields? Mapping(string field)
    {
        var node = Node(field);
        if (node is null)
        {
            Error(field, "is missing");
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            Error(field, "must be a mapping of fields", node);
            return null;
        }

        return new YamlFields(map, _file, FieldPath(field), _errors, _lineOffset);
    }

    /// <summary>Reports fields the schema does not know, which are nearly always typos.</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var key in _map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                _errors.Add(new KnowledgeError(_file, LineOf(key), FieldPath(name),
                    $"unknown field (expected one of: {string.Join(", ", known)})"));
            }
        }
    }
}
