using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatBot.Discord.Tests.OpenApi;

/// <summary>
/// Checks a request body against the request schema of the matching path in Discord's OpenAPI
/// description. A small JSON Schema subset (type, properties, required, items, lengths, enum, const,
/// min/max, $ref, oneOf/anyOf/allOf) plus a strict rule the spec itself lacks: a property the schema
/// does not declare is an error, so a misspelt key fails the test.
/// </summary>
public sealed class OpenApiSchemaChecker
{
    private readonly JsonElement _root;
    private readonly List<(Regex Pattern, string Template, int Parameters)> _paths;

    public OpenApiSchemaChecker(string file)
    {
        _root = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        _paths = _root.GetProperty("paths").EnumerateObject()
            .Select(p => (new Regex("^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{[^}]+}", "[^/]+") + "$"), p.Name, p.Name.Count(c => c == '{')))
            .OrderBy(p => p.Item3)
            .ToList();
    }

    /// <summary>Errors for one request; empty when the body fits. Paths start after <c>/api/v10</c>.</summary>
    public IReadOnlyList<string> Check(string method, string path, JsonElement body)
    {
        var template = _paths.FirstOrDefault(p => p.Pattern.IsMatch(path)).Template
            ?? throw new InvalidOperationException($"No OpenAPI path matches {path}");
        var operation = _root.GetProperty("paths").GetProperty(template).GetProperty(method.ToLowerInvariant());
        var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var errors = new List<string>();
        Validate(body, schema, template, errors);
        return errors;
    }

    private void Validate(JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Validate(value, Resolve(reference.GetString()!), at, errors);
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(value, type))
        {
            errors.Add($"{at}: {value.ValueKind} is not {type.GetRawText()}");
            return;
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
        {
            errors.Add($"{at}: {value.GetRawText()} not in enum {values.GetRawText()}");
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{at}: {value.GetRawText()} is not {constant.GetRawText()}");
        }

        foreach (var part in Array(schema, "allOf"))
        {
            Validate(value, part, at, errors);
        }

        CheckUnion(value, schema, "oneOf", at, errors, exactlyOne: true);
        CheckUnion(value, schema, "anyOf", at, errors, exactlyOne: false);
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckRange(value.GetString()!.Length, schema, "minLength", "maxLength", at, errors);
                break;
            case JsonValueKind.Number:
                CheckRange(value.GetDouble(), schema, "minimum", "maximum", at, errors);
                break;
            case JsonValueKind.Array:
                CheckRange(value.GetArrayLength(), schema, "minItems", "maxItems", at, errors);
                if (schema.TryGetProperty("items", out var items))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Validate(item, items, $"{at}[{i++}]", errors);
                    }
                }

                break;
            case JsonValueKind.Object:
                CheckObject(value, schema, at, errors);
                break;
        }
    }

    private void CheckObject(JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        foreach (var required in Array(schema, "required"))
        {
            if (!value.TryGetProperty(required.GetString()!, out _))
            {
                errors.Add($"{at}: missing required '{required.GetString()}'");
            }
        }

        if (!schema.TryGetProperty("properties", out var properties))
        {
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Validate(property.Value, propertySchema, $"{at}.{property.Name}", errors);
            }
            else if (!schema.TryGetProperty("additionalProperties", out var extra) || extra.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{at}: undeclared property '{property.Name}'");
            }
        }
    }

    private void CheckUnion(JsonElement value, JsonElement schema, string keyword, string at, List<string> errors, bool exactlyOne)
    {
        var branches = Array(schema, keyword).ToList();
        if (branches.Count == 0)
        {
            return;
        }

        var results = branches.Select(b =>
        {
            var branchErrors = new List<string>();
            Validate(value, b, at, branchErrors);
            return branchErrors;
        }).ToList();
        var passing = results.Count(r => r.Count == 0);
        if (passing == 0 || (exactlyOne && passing > 1))
        {
            var closest = results.OrderBy(r => r.Count).First();
            errors.Add($"{at}: {passing} of {branches.Count} {keyword} branches match" + (passing == 0 ? $" (closest: {string.Join("; ", closest.Take(3))})" : ""));
        }
    }

    private static void CheckRange(double actual, JsonElement schema, string min, string max, string at, List<string> errors)
    {
        if (schema.TryGetProperty(min, out var low) && actual < low.GetDouble())
        {
            errors.Add($"{at}: {actual} < {min} {low}");
        }

        if (schema.TryGetProperty(max, out var high) && actual > high.GetDouble())
        {
            errors.Add($"{at}: {actual} > {max} {high}");
        }
    }

    private static bool TypeMatches(JsonElement value, JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => TypeMatches(value, t.GetString()!))
        : TypeMatches(value, type.GetString()!);

    private static bool TypeMatches(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => false,
    };

    private static IEnumerable<JsonElement> Array(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private JsonElement Resolve(string reference)
    {
        var node = _root;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
        {
            node = node.GetProperty(part);
        }

        return node;
    }
}
