namespace HanoiWorkbench.Core.Domain;

/// <summary>What an open counter is doing: the lobby and the manager see who is serving, waiting for work or on a break.</summary>
public enum CounterStatus
{
    Idle = 0,
    Serving = 1,
    Break = 2,
}

/// <summary>A service counter (quầy) in a branch, serving one or more service groups.</summary>
public sealed class Counter
{
    private Counter() { Name = ""; }

    public Counter(int branchId, int number, string? name = null)
    {
        if (number is < 1 or > 999) throw new DomainException("Số quầy phải từ 1 đến 999.");
        BranchId = branchId;
        Number = number;
        Name = Guard.Optional(name, "Tên quầy", 100) ?? $"Quầy {number}";
    }

    public int Id { get; private set; }
    public int BranchId { get; private set; }
    public int Number { get; private set; }
    public string Name { get; private set; }
    public bool IsOpen { get; private set; }
    public CounterStatus Status { get; private set; }
    public List<ServiceGroup> ServiceGroups { get; private set; } = [];

    public void Update(int number, string? name)
    {
        if (number is < 1 or > 999) throw new DomainException("Số quầy phải từ 1 đến 999.");
        Number = number;
        Name = Guard.Optional(name, "Tên quầy", 100) ?? $"Quầy {number}";
    }

    public void Open()
    {
        IsOpen = true;
        Status = CounterStatus.Idle;
    }

    public void Close()
    {
        IsOpen = false;
        Status = CounterStatus.Idle;
    }

    public void SetStatus(CounterStatus status)
    {
        if (!IsOpen) throw new DomainException($"{Name} đang đóng: hãy mở quầy trước.");
        Status = status;
    }

    public void ServeGroups(IEnumerable<ServiceGroup> groups)
    {
        var list = groups.DistinctBy(g => g.Id).ToList();
        if (list.Count == 0) throw new DomainException("Quầy phải phục vụ ít nhất một nhóm dịch vụ.");
        ServiceGroups.Clear();
        ServiceGroups.AddRange(list);
    }
}
