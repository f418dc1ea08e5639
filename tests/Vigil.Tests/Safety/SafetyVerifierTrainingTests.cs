using Vigil.Core;
using Vigil.Core.Text;
using Vigil.Safety.Verifiers.Learned;

namespace Vigil.Tests.Safety;

[Collection(TorchGlobalRngCollection.Name)]
public class SafetyVerifierTrainingTests
{
    [DataFileFact("safety", "refusal-direction", "completions", "qwen-1_8b-chat", "jailbreakbench_ablation_evaluations.json")]
    public void A_small_hashed_verifier_generalises_to_a_held_out_model()
    {
        // Fast stand-in for the real run: hashed encoder, 500 training items, qwen's five files held out.
        var result = SafetyVerifierTraining.Run(new SafetyVerifierTrainingOptions
        {
            SafetyDirectory = Path.Combine(DataDirectory.Find()!, "safety"),
            Encoder = TextEncoders.Hashed,
            HeldOutModels = new[] { "qwen-1_8b-chat" },
            MaxTrainItems = 500,
            Head = new SafetyHeadTrainingOptions { Epochs = 15, Hidden = 32 },
        });
        Assert.Equal(500, result.TrainItems);
        var heldOut = result.HeldOut!;
        Assert.Equal(500, heldOut.Items);
        Assert.Equal(300, heldOut.LearnedVsLlamaGuard!.Count);
        Assert.Null(heldOut.LearnedVsXsTest);
        Assert.True(heldOut.LearnedVsLlamaGuard.Rate >= 0.75, $"agreement with Llama Guard {heldOut.LearnedVsLlamaGuard.Rate:P1}");
        Assert.Equal(500, heldOut.Confusion.Total);
    }

    [DataFileFact("safety", "xstest", "xstest_v2_completions_gpt4.csv")]
    public void Unknown_held_out_model_is_an_error_listing_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => SafetyVerifierTraining.Run(new SafetyVerifierTrainingOptions
        {
            SafetyDirectory = Path.Combine(DataDirectory.Find()!, "safety"), Encoder = TextEncoders.Hashed, HeldOutModels = new[] { "gpt5" },
        }));
        Assert.Contains("gpt5", e.Message);
        Assert.Contains("gpt4", e.Message);
    }
}
