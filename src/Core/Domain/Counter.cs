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

    public const int NameMaxLength = 100;

    public Counter(int branchId, int number, string? name = null)
    {
        if (number is < 1 or > 999) throw new DomainException("Số quầy phải từ 1 đến 999.", nameof(Number));
        BranchId = branchId;
        Number = number;
        Name = Guard.Optional(name, "Tên quầy", NameMaxLength) ?? $"Quầy {number}";
    }

    public int Id { get; private set; }
    public int BranchId { get; private set; }
    public int Number { get; private set; }
    public string Name { get; private set; }
    public bool IsOpen { get; private set; }
    public CounterStatus Status { get; private set; }
    /// <summary>The groups the manager configured the counter for.</summary>
    public List<ServiceGroup> ServiceGroups { get; private set; } = [];
    /// <summary>What the clerk chose to serve this session, within <see cref="ServiceGroups"/>; empty = all of them.</summary>
    public List<ServiceGroup> SessionGroups { get; private set; } = [];
    /// <summary>Moves with every change, so two people deciding about the counter at once cannot both win.</summary>
    public int Version { get; private set; }

    /// <summary>The groups the counter calls from now.</summary>
    public IReadOnlyList<ServiceGroup> ServedGroups => SessionGroups.Count > 0 ? SessionGroups : ServiceGroups;

    public void Update(int number, string? name)
    {
        if (number is < 1 or > 999) throw new DomainException("Số quầy phải từ 1 đến 999.", nameof(Number));
        Number = number;
        Name = Guard.Optional(name, "Tên quầy", NameMaxLength) ?? $"Quầy {number}";
        Version++;
    }

    public void Open()
    {
        IsOpen = true;
        Status = CounterStatus.Idle;
        Version++;
    }

    /// <summary>Closes the counter; the clerk's session choice of groups ends with it.</summary>
    public void Close()
    {
        IsOpen = false;
        Status = CounterStatus.Idle;
        SessionGroups.Clear();
        Version++;
    }

    public void SetStatus(CounterStatus status)
    {
        if (!IsOpen) throw new DomainException($"{Name} đang đóng: hãy mở quầy trước.");
        Status = status;
        Version++;
    }

    /// <summary>A person sits down at the counter: the version moves, so two people seated at it at once cannot both win.</summary>
    public void TakeSeat() => Version++;

    /// <summary>The clerk's choice for this session: only groups the manager configured the counter for.</summary>
    public void ServeToday(IEnumerable<ServiceGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var list = groups.DistinctBy(g => g.Id).ToList();
        if (list.Count == 0) throw new DomainException("Quầy phải phục vụ ít nhất một nhóm dịch vụ.");
        var outside = list.Where(g => ServiceGroups.All(c => c.Id != g.Id)).Select(g => g.Letter).Order(StringComparer.Ordinal).ToList();
        if (outside.Count > 0)
            throw new DomainException($"{Name} không được cấu hình cho nhóm {string.Join(", ", outside)}. Lãnh đạo chi nhánh quyết định nhóm dịch vụ của quầy.");
        SessionGroups.Clear();
        if (list.Count < ServiceGroups.Count) SessionGroups.AddRange(list);
        Version++;
    }

    public void ServeGroups(IEnumerable<ServiceGroup> groups)
    {
        var list = groups.DistinctBy(g => g.Id).ToList();
        if (list.Count == 0) throw new DomainException("Quầy phải phục vụ ít nhất một nhóm dịch vụ.", nameof(ServiceGroups));
        ServiceGroups.Clear();
        ServiceGroups.AddRange(list);
        // A clerk's session choice stays within what the manager now allows; nothing left means all of it.
        SessionGroups.RemoveAll(g => list.All(c => c.Id != g.Id));
        Version++;
    }
}
