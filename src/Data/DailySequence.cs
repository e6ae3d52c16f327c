namespace HanoiWorkbench.Data;

/// <summary>The last number handed out for a scope on a day (application codes per agency, tickets per branch and group).</summary>
public sealed class DailySequence
{
    private DailySequence() { Scope = ""; }

    public DailySequence(string scope, DateOnly day, int value)
    {
        Scope = scope;
        Day = day;
        Value = value;
    }

    public string Scope { get; private set; }
    public DateOnly Day { get; private set; }
    public int Value { get; private set; }
}
