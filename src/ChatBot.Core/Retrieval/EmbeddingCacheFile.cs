using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// The embedding cache on disk: a count, then per text its key, its vector's length and its floats (little-endian,
/// as <see cref="BinaryWriter"/> writes them). Memory holds only where each vector lies; a vector is read when a
/// knowledge version is built from it. The file stays open while it is indexed, so when another process sharing the
/// folder replaces the file, the name moves on and the bytes this index points into stay the ones it read.
/// </summary>
internal sealed class EmbeddingCacheFile : IDisposable
{
    private const FileShare Shared = FileShare.ReadWrite | FileShare.Delete;

    private readonly string _path;
    private FileStream? _stream;
    private Dictionary<string, (long Offset, int Length)> _index = new(StringComparer.Ordinal);

    public EmbeddingCacheFile(string path)
    {
        _path = path;
        Open();
    }

    public int Count => _index.Count;

    public bool Contains(string key) => _index.ContainsKey(key);

    /// <summary>The length of the key's vector; the key must be in the file.</summary>
    public int LengthOf(string key) => _index[key].Length;

    /// <summary>Reads the key's vector into the destination, which must be as long as the vector.</summary>
    public void Read(string key, Span<float> destination)
    {
        var (offset, length) = _index[key];
        var bytes = MemoryMarshal.AsBytes(destination[..length]);
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(_stream!.SafeFileHandle, bytes[read..], offset + read);
            if (n == 0)
            {
                throw new EndOfStreamException($"the embedding cache {_path} ends inside a vector");
            }

            read += n;
        }

        if (!BitConverter.IsLittleEndian)
        {
            var values = MemoryMarshal.Cast<float, int>(destination[..length]);
            BinaryPrimitives.ReverseEndianness(values, values);
        }
    }

    /// <summary>
    /// Writes a new file of the kept entries already on disk and the added ones (keys not on disk), then indexes it.
    /// False when the disk refuses: the file and its index stay as they were.
    /// </summary>
    public bool Write(Func<string, bool> keep, IReadOnlyDictionary<string, float[]> added)
    {
        var temp = _path + "." + Environment.ProcessId + ".tmp";
        FileStream? written = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var kept = _index.Where(e => keep(e.Key)).ToArray();
            var index = new Dictionary<string, (long Offset, int Length)>(kept.Length + added.Count, StringComparer.Ordinal);
            using (var writer = new BinaryWriter(new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None), Encoding.UTF8))
            {
                writer.Write(kept.Length + added.Count);
                var buffer = new float[kept.Length == 0 ? 0 : kept.Max(e => e.Value.Length)];
                foreach (var (key, (_, length)) in kept)
                {
                    Read(key, buffer);
                    index[key] = Append(writer, key, buffer.AsSpan(0, length));
                }

                foreach (var (key, vector) in added)
                {
                    index[key] = Append(writer, key, vector);
                }
            }

            written = new FileStream(temp, FileMode.Open, FileAccess.Read, Shared);
            File.Move(temp, _path, overwrite: true);
            _stream?.Dispose();
            (_stream, _index, written) = (written, index, null);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only disk only costs start-up time; answering does not depend on the file.
            written?.Dispose();
            TryDelete(temp);
            return false;
        }
    }

    /// <summary>Drops the index (the file is unreadable): every text is embedded again.</summary>
    public void Forget()
    {
        _stream?.Dispose();
        _stream = null;
        _index = new Dictionary<string, (long Offset, int Length)>(StringComparer.Ordinal);
    }

    public void Dispose() => Forget();

    private static (long Offset, int Length) Append(BinaryWriter writer, string key, ReadOnlySpan<float> vector)
    {
        writer.Write(key);
        writer.Write(vector.Length);
        var offset = writer.BaseStream.Position;
        foreach (var value in vector)
        {
            writer.Write(value);
        }

        return (offset, vector.Length);
    }

    private void Open()
    {
        try
        {
            if (!File.Exists(_path))
            {
                return;
            }

            _stream = new FileStream(_path, FileMode.Open, FileAccess.Read, Shared);
            using var reader = new BinaryReader(_stream, Encoding.UTF8, leaveOpen: true);
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                var length = reader.ReadInt32();
                var offset = _stream.Position;
                if (length < 0 || offset + (length * (long)sizeof(float)) > _stream.Length)
                {
                    throw new EndOfStreamException($"the embedding cache {_path} ends inside a vector");
                }

                _index[key] = (offset, length);
                _stream.Seek(length * (long)sizeof(float), SeekOrigin.Current);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // A cache is only a cache: start empty and rebuild it (EndOfStreamException is an IOException).
            Forget();
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind; the next write of this process replaces it.
        }
    }
}
