using Vigil.Bots.Benchmark;
using Vigil.Bots.Data;

namespace Vigil.Bots.Baselines.Features.Inputs;

/// <summary>Derived profile quantities that several features share.</summary>
internal static class ProfileValues
{
    /// <summary>A count, with a missing one read as 0 (as the TwiBot-22 baselines do).</summary>
    public static double Count(int value) => value == UserTable.MissingCount ? 0 : value;

    /// <summary>Days from account creation to the collection time; at least 1, so rates stay finite; 0 when unknown.</summary>
    public static double AgeDays(BotDetectionTask task, int user)
    {
        long created = task.Dataset.Users.CreatedAt[user];
        if (created == TwiBotTime.Missing || task.CollectionTime == TwiBotTime.Missing) return 0;
        return Math.Max(1, (task.CollectionTime - created) / 86400.0);
    }

    /// <summary><paramref name="count"/> per day of account age (0 when the age is unknown).</summary>
    public static double PerDay(BotDetectionTask task, int user, double count)
    {
        double age = AgeDays(task, user);
        return age == 0 ? 0 : count / age;
    }

    public static int Digits(ReadOnlySpan<byte> utf8)
    {
        int digits = 0;
        foreach (byte b in utf8) if (b is >= (byte)'0' and <= (byte)'9') digits++;
        return digits;
    }

    /// <summary>Length in characters (UTF-16 code units) of a UTF-8 text.</summary>
    public static int Length(ReadOnlySpan<byte> utf8) => System.Text.Encoding.UTF8.GetCharCount(utf8);
}
