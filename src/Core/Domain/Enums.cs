namespace HanoiWorkbench.Core.Domain;

/// <summary>The roles a staff member can hold; policies and branch scope derive from them.</summary>
public enum StaffRole
{
    Clerk = 0,
    BranchManager = 1,
    Director = 2,
    Admin = 3,
}

/// <summary>Kind of an area of jurisdiction: the pre-2025 district level or the post-2025 ward level.</summary>
public enum AreaKind
{
    UrbanDistrict = 0, // quận
    RuralDistrict = 1, // huyện
    Town = 2,          // thị xã
    Ward = 3,          // phường
    Commune = 4,       // xã
}

public enum ProcessingUnit
{
    WorkingDays = 0,
    WorkingHours = 1,
    SameDay = 2,
}

public enum OnlineLevel
{
    None = 0,
    Partial = 1,
    Full = 2,
}

public enum AuthorityLevel
{
    Ward = 0,
    District = 1,
    City = 2,
}

public enum Channel
{
    Counter = 0,
    Online = 1,
    Post = 2,
}

/// <summary>Application statuses as the national one-stop systems name them (domain.md §3).</summary>
public enum ApplicationStatus
{
    Submitted = 0,          // Mới đăng ký
    Received = 1,           // Đã tiếp nhận
    Refused = 2,            // Không được tiếp nhận
    InProcessing = 3,       // Đang xử lý
    SupplementRequested = 4,// Yêu cầu bổ sung
    AwaitingFinancialObligation = 5, // Chờ thực hiện nghĩa vụ tài chính
    Withdrawn = 6,          // Công dân rút hồ sơ
    Stopped = 7,            // Dừng xử lý
    Completed = 8,          // Đã xử lý xong
    Returned = 9,           // Đã trả kết quả
}

/// <summary>Why the due-date clock stopped (domain.md §3): the citizen owes documents, or fees and taxes.</summary>
public enum PauseKind
{
    Supplement = 0,          // Chờ bổ sung hồ sơ
    FinancialObligation = 1, // Chờ thực hiện nghĩa vụ tài chính (phí, lệ phí, thuế)
}

/// <summary>How processing ended (Đã xử lý xong): the request granted, or refused with the written reason.</summary>
public enum ProcessingOutcome
{
    Granted = 1,    // Giải quyết
    Refused = 2,    // Từ chối giải quyết (có văn bản nêu lý do)
}

public enum ReturnMethod
{
    InPerson = 0,
    Post = 1,
}

public enum PriorityCategory
{
    None = 0,
    Elderly = 1,
    Disability = 2,
    Pregnant = 3,
    SmallChild = 4,
    MeritoriousService = 5,
}

public enum TicketStatus
{
    Waiting = 0,
    Called = 1,
    Serving = 2,
    Parked = 3,
    Finished = 4,
    NoShow = 5,
}

public enum RatingLevel
{
    VerySatisfied = 0, // Rất hài lòng
    Satisfied = 1,     // Hài lòng
    Dissatisfied = 2,  // Không hài lòng
}

public enum CalendarEntryKind
{
    DayOff = 0,
    WorkingDay = 1,
}
