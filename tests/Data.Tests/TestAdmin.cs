using HanoiWorkbench.Data.Admin;

namespace HanoiWorkbench.Data.Tests;

/// <summary>The command line's administrator (no staff record): the one actor every reference-data service lets through.</summary>
internal static class TestAdmin
{
    public static readonly AdminActor Actor = new("Quản trị (thử)", null);
}
