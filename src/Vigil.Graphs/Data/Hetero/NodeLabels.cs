namespace Vigil.Graphs.Data.Hetero;

/// <summary>Class labels (−1 = unknown) and train/validation/test masks for the nodes of one type.</summary>
public sealed record NodeLabels(int[] Labels, int NumClasses, bool[] TrainMask, bool[] ValMask, bool[] TestMask);
