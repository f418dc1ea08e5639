using System.Globalization;
using System.Text;

namespace Vigil.Graphs.IO;

/// <summary>
/// The header of a <c>.npy</c> file: a Python dict literal such as
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2708, 1433), }</c>. Parsing accepts exactly what
/// NumPy's format module writes (and Python 2's <c>2708L</c> integers); formatting reproduces NumPy's bytes,
/// including the spare spaces it leaves for growing the first axis in place.
/// </summary>
internal sealed record NpyHeader(NpyDType DType, bool BigEndian, bool FortranOrder, int[] Shape)
{
    /// <summary>Problems are reported as <see cref="FormatException"/>; the reader adds the file and array names.</summary>
    public static NpyHeader Parse(string text)
    {
        var p = new Parser(text);
        var dict = p.ParseDict();
        foreach (var key in dict.Keys)
            if (key is not ("descr" or "fortran_order" or "shape"))
                throw new FormatException($"bad header: unexpected key '{key}' in {text.Trim()}");
        if (!dict.TryGetValue("descr", out var descrValue) || !dict.TryGetValue("fortran_order", out var fortranValue)
            || !dict.TryGetValue("shape", out var shapeValue))
            throw new FormatException($"bad header: it must hold 'descr', 'fortran_order' and 'shape', got {text.Trim()}");
        if (descrValue is List<object>)
            throw new FormatException("structured (record) dtypes are not supported");
        if (descrValue is not string descr) throw new FormatException($"bad header: 'descr' is not a string in {text.Trim()}");
        if (fortranValue is not bool fortran) throw new FormatException($"bad header: 'fortran_order' is not True/False in {text.Trim()}");
        if (shapeValue is not int[] shape) throw new FormatException($"bad header: 'shape' is not a tuple of integers in {text.Trim()}");
        var parsed = NpyDTypeInfo.Parse(descr);
        if (parsed is null)
            throw new FormatException(descr.EndsWith('O')
                ? $"dtype '{descr}' holds pickled Python objects, which are not supported"
                : $"unsupported dtype '{descr}' (supported: <f4, <f8, <i4, <i8, |b1, |u1)");
        return new NpyHeader(parsed.Value.DType, parsed.Value.BigEndian, fortran, shape);
    }

    /// <summary>The complete header bytes (magic, version, length, dict, padding) as NumPy's format module writes them.</summary>
    public byte[] ToBytes()
    {
        var sb = new StringBuilder();
        sb.Append("{'descr': '").Append(DType.Descriptor()).Append("', 'fortran_order': ")
          .Append(FortranOrder ? "True" : "False").Append(", 'shape': ").Append(FormatShape(Shape)).Append(", }");
        // NumPy leaves room for the growing axis to reach 21 digits, so appending can rewrite the header in place.
        const int growthAxisMaxDigits = 21;
        if (Shape.Length > 0)
        {
            int axis = FortranOrder ? Shape[^1] : Shape[0];
            sb.Append(' ', growthAxisMaxDigits - axis.ToString(CultureInfo.InvariantCulture).Length);
        }
        var dict = Encoding.Latin1.GetBytes(sb.ToString());
        // Version 1.0 has a 2-byte length; longer headers need version 2.0's 4-byte length.
        int hlen = dict.Length + 1;
        // NumPy pads a full 64 bytes when already aligned; so do we, to match its bytes.
        static int Pad(int prefixLength, int headerLength) => 64 - (prefixLength + headerLength) % 64;
        bool v1 = hlen + Pad(10, hlen) <= ushort.MaxValue;
        int prefix = v1 ? 10 : 12;
        int pad = Pad(prefix, hlen);
        var bytes = new byte[prefix + hlen + pad];
        Npy.Magic.CopyTo(bytes);
        bytes[6] = (byte)(v1 ? 1 : 2); bytes[7] = 0;
        if (v1) BitConverter.TryWriteBytes(bytes.AsSpan(8), (ushort)(hlen + pad));
        else BitConverter.TryWriteBytes(bytes.AsSpan(8), (uint)(hlen + pad));
        dict.CopyTo(bytes, prefix);
        bytes.AsSpan(prefix + dict.Length, pad).Fill((byte)' ');
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    public static string FormatShape(int[] shape) => shape.Length switch
    {
        0 => "()",
        1 => $"({shape[0]},)",
        _ => "(" + string.Join(", ", shape) + ")",
    };

    /// <summary>A recursive-descent reader for the small Python-literal subset NumPy headers use.</summary>
    private ref struct Parser(string text)
    {
        private int _pos;

        public Dictionary<string, object> ParseDict()
        {
            var d = new Dictionary<string, object>();
            Expect('{');
            while (true)
            {
                SkipSpace();
                if (Peek() == '}') { _pos++; break; }
                var key = ParseString();
                Expect(':');
                if (!d.TryAdd(key, ParseValue())) throw Error($"key '{key}' appears twice");
                SkipSpace();
                if (Peek() == ',') { _pos++; continue; }
                Expect('}');
                break;
            }
            SkipSpace();
            if (_pos != text.Length) throw Error("text after the closing '}'");
            return d;
        }

        private object ParseValue()
        {
            SkipSpace();
            char c = Peek();
            if (c is '\'' or '"') return ParseString();
            if (c == '(') return ParseTuple();
            if (c == '[') { SkipBracketed(); return new List<object>(); }
            if (Take("True")) return true;
            if (Take("False")) return false;
            throw Error("expected a string, True, False or a tuple");
        }

        private int[] ParseTuple()
        {
            Expect('(');
            var dims = new List<int>();
            while (true)
            {
                SkipSpace();
                if (Peek() == ')') { _pos++; break; }
                int start = _pos;
                while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
                if (_pos == start) throw Error("expected a non-negative integer dimension");
                if (!int.TryParse(text.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out int dim))
                    throw Error($"dimension {text[start.._pos]} is too large");
                if (Peek() == 'L') _pos++; // Python 2 long literal
                dims.Add(dim);
                SkipSpace();
                if (Peek() == ',') { _pos++; continue; }
                Expect(')');
                break;
            }
            return dims.ToArray();
        }

        private string ParseString()
        {
            SkipSpace();
            char quote = Peek();
            if (quote is not ('\'' or '"')) throw Error("expected a quoted string");
            int start = ++_pos;
            while (_pos < text.Length && text[_pos] != quote) _pos++;
            if (_pos == text.Length) throw Error("unterminated string");
            return text[start.._pos++];
        }

        private void SkipBracketed()
        {
            int depth = 0;
            do
            {
                if (_pos >= text.Length) throw Error("unterminated list");
                if (text[_pos] == '[') depth++;
                else if (text[_pos] == ']') depth--;
                _pos++;
            } while (depth > 0);
        }

        private bool Take(string word)
        {
            if (string.CompareOrdinal(text, _pos, word, 0, word.Length) != 0) return false;
            _pos += word.Length;
            return true;
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (Peek() != c) throw Error($"expected '{c}'");
            _pos++;
        }

        private readonly char Peek() => _pos < text.Length ? text[_pos] : '\0';

        private void SkipSpace()
        {
            while (_pos < text.Length && text[_pos] is ' ' or '\t' or '\n' or '\r') _pos++;
        }

        private readonly FormatException Error(string what) =>
            new($"bad header: {what} at character {_pos} of {text.Trim()}");
    }
}
