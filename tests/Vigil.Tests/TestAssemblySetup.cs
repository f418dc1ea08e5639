using System.Runtime.CompilerServices;
using Vigil.Core;

namespace Vigil.Tests;

internal static class TestAssemblySetup
{
    /// <summary>The same libtorch process settings as the CLI, before any test touches a tensor.</summary>
    [ModuleInitializer]
    internal static void Initialize() => TorchProcessSettings.ApplyUnlessSet();
}
