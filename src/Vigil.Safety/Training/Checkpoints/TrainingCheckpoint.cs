using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Safety.Training.Optimization;
using static TorchSharp.torch;

namespace Vigil.Safety.Training.Checkpoints;

/// <summary>
/// A resumable training state in one directory: <c>model.dat</c> (the module's state dict, TorchSharp format),
/// <c>optimizer.dat</c> (AdamW moments and step counts) and <c>trainer.json</c> (the trainer's progress record: step,
/// data position, seeds). Written to a sibling <c>.partial</c> directory first and renamed into place, so an
/// interrupted save never leaves a half checkpoint where a resume would read it.
/// </summary>
public static class TrainingCheckpoint
{
    public const string ModelFile = "model.dat";
    public const string OptimizerFile = "optimizer.dat";
    public const string StateFile = "trainer.json";

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, StateFile));

    public static void Save<TState>(string directory, nn.Module module, ParameterUpdater? updater, TState state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var partial = full + ".partial";
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(partial);
        module.save(Path.Combine(partial, ModelFile));
        updater?.Save(Path.Combine(partial, OptimizerFile));
        File.WriteAllText(Path.Combine(partial, StateFile), JsonSerializer.Serialize(state, Json));
        if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
        Directory.Move(partial, full);
    }

    /// <summary>Loads the module's weights (and the optimiser's state when given) and returns the progress record.</summary>
    public static TState Load<TState>(string directory, nn.Module module, ParameterUpdater? updater)
    {
        var statePath = Path.Combine(directory, StateFile);
        if (!File.Exists(statePath)) throw new FileNotFoundException($"No training checkpoint in {directory} (missing {StateFile}).", statePath);
        TState? state;
        try { state = JsonSerializer.Deserialize<TState>(File.ReadAllText(statePath), Json); }
        catch (JsonException e) { throw new InvalidDataException($"{statePath}: not a valid trainer state: {e.Message}", e); }
        if (state is null) throw new InvalidDataException($"{statePath}: empty trainer state.");
        LoadModel(directory, module);
        if (updater is not null)
        {
            var optimizerPath = Path.Combine(directory, OptimizerFile);
            if (!File.Exists(optimizerPath)) throw new FileNotFoundException($"Checkpoint {directory} has no optimiser state ({OptimizerFile}).", optimizerPath);
            updater.Load(optimizerPath);
        }
        return state;
    }

    /// <summary>Loads only the weights (a stage's starting policy, a frozen reference).</summary>
    public static void LoadModel(string directory, nn.Module module)
    {
        var modelPath = Path.Combine(directory, ModelFile);
        if (!File.Exists(modelPath)) throw new FileNotFoundException($"Checkpoint {directory} has no weights ({ModelFile}).", modelPath);
        module.load(modelPath);
    }
}
