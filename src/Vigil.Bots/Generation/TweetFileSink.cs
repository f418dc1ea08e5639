using Vigil.Bots.Data;
using Vigil.Bots.IO;
using Vigil.Bots.IO.Json;

namespace Vigil.Bots.Generation;

/// <summary>
/// Writes tweets to <c>tweet_0.json</c> … as they are generated, split over the files exactly as <see cref="TwiBotWriter"/>
/// splits a tweet table (evenly, in row order), so a streamed folder is byte-for-byte the one the writer would make.
/// Only a small window of tweets is ever held: a fresh table every <see cref="WindowRows"/> rows.
/// </summary>
internal sealed class TweetFileSink : IDisposable
{
    private const int WindowRows = 1 << 16;

    private readonly string _directory;
    private readonly long _total;
    private readonly int _parts;
    private readonly long[] _ids;
    private JsonArrayFileWriter.Appender? _file;
    private int _part = -1;
    private long _partEnd = -1;
    private long _row;
    private TweetTable _window = new();

    public TweetFileSink(string directory, long total, int parts)
    {
        _directory = directory;
        _total = total;
        _parts = parts;
        _ids = new long[total];
    }

    /// <summary>The id of every tweet row written (the edge file needs them).</summary>
    public ReadOnlySpan<long> Ids => _ids;

    public long BytesWritten { get; private set; }

    public void Add(TweetRow tweet)
    {
        if (_row >= _total) throw new InvalidOperationException($"More than the {_total} planned tweets were generated.");
        while (_row >= _partEnd) NextPart();
        if (_window.Count == WindowRows) _window = new TweetTable();
        _window.Add(tweet);
        _ids[_row++] = tweet.Id;
        TweetJsonWriter.Write(_file!.Writer, _window, _window.Count - 1);
        _file.ElementWritten();
    }

    public void Dispose()
    {
        while (_part < _parts - 1) NextPart();
        CloseFile();
    }

    private void NextPart()
    {
        CloseFile();
        _part++;
        _partEnd = _total * (_part + 1) / _parts;
        _file = new JsonArrayFileWriter.Appender(Path.Combine(_directory, TwiBotFiles.Tweets(_part)));
    }

    private void CloseFile()
    {
        if (_file is null) return;
        _file.Dispose();
        BytesWritten += new FileInfo(Path.Combine(_directory, TwiBotFiles.Tweets(_part))).Length;
        _file = null;
    }
}
