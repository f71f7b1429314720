using System.Runtime.Intrinsics;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Normalised vectors laid out to be compared with one query all at once: rows side by side in groups of eight,
/// one SIMD lane per row. Each lane multiplies and adds in exactly the order of <see cref="VectorMath.Cosine"/>
/// (dimension by dimension, no fused multiply-add), so every similarity is bit for bit the scalar one and no
/// decision near a threshold can change; only the work is shared, eight rows per instruction.
/// </summary>
public sealed class VectorMatrix
{
    private const int Lanes = 8;

    /// <summary>[group][dimension][lane].</summary>
    private readonly float[] _values;

    private readonly int _groups;

    public VectorMatrix(IReadOnlyList<float[]> rows)
        : this(rows.Count, rows.Count == 0 ? 0 : rows[0].Length)
    {
        for (var row = 0; row < Count; row++)
        {
            SetRow(row, rows[row]);
        }
    }

    /// <summary>A matrix of zero rows, each to be set once (<see cref="SetRow"/>) before it is compared.</summary>
    public VectorMatrix(int count, int dimension)
    {
        Count = count;
        Dimension = dimension;
        _groups = (Count + Lanes - 1) / Lanes;
        _values = new float[_groups * Dimension * Lanes];
    }

    public void SetRow(int row, ReadOnlySpan<float> values)
    {
        if (values.Length != Dimension)
        {
            throw new ArgumentException($"row {row} has {values.Length} dimensions, not {Dimension}", nameof(values));
        }

        var start = row / Lanes * Dimension * Lanes;
        for (var d = 0; d < Dimension; d++)
        {
            _values[start + (d * Lanes) + (row % Lanes)] = values[d];
        }
    }

    public int Count { get; }

    public int Dimension { get; }

    /// <summary>The similarity of the query with every row, in row order (the array may run a few past <see cref="Count"/>).</summary>
    public float[] Similarities(float[] query)
    {
        if (Count > 0 && query.Length != Dimension)
        {
            throw new ArgumentException($"the query has {query.Length} dimensions, not {Dimension}", nameof(query));
        }

        var result = new float[_groups * Lanes];
        for (var group = 0; group < _groups; group++)
        {
            var start = group * Dimension * Lanes;
            if (Vector256.IsHardwareAccelerated)
            {
                var sum = Vector256<float>.Zero;
                for (var d = 0; d < Dimension; d++)
                {
                    // Multiply, then add: two roundings per step, like the scalar loop.
                    var product = Vector256.Create(query[d]) * Vector256.Create(_values, start + (d * Lanes));
                    sum += product;
                }

                sum.CopyTo(result, group * Lanes);
            }
            else
            {
                for (var lane = 0; lane < Lanes; lane++)
                {
                    var sum = 0f;
                    for (var d = 0; d < Dimension; d++)
                    {
                        sum += query[d] * _values[start + (d * Lanes) + lane];
                    }

                    result[(group * Lanes) + lane] = sum;
                }
            }
        }

        return result;
    }
}
