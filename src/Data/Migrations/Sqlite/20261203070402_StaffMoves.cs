using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanoiWorkbench.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PendingCounterId",
                table: "Staff",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Staff",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Counters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CounterSessionGroups",
                columns: table => new
                {
                    CounterId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceGroupId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounterSessionGroups", x => new { x.CounterId, x.ServiceGroupId });
                    table.ForeignKey(
                        name: "FK_CounterSessionGroups_Counters_CounterId",
                        column: x => x.CounterId,
                        principalTable: "Counters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CounterSessionGroups_ServiceGroups_ServiceGroupId",
                        column: x => x.ServiceGroupId,
                        principalTable: "ServiceGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffMoves",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchId = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherBranchId = table.Column<int>(type: "INTEGER", nullable: true),
                    StaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    CounterId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorStaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Before = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffMoves_Branches_BranchId",
                        column: x => x.BranchId,
                        principalTable: "Branches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StaffMoves_Branches_OtherBranchId",
                        column: x => x.OtherBranchId,
                        principalTable: "Branches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StaffMoves_Staff_ActorStaffId",
                        column: x => x.ActorStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StaffMoves_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffPeriods",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<long>(type: "INTEGER", nullable: false),
                    ToBranchId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedByStaffId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledByStaffId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffPeriods_Branches_ToBranchId",
                        column: x => x.ToBranchId,
                        principalTable: "Branches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StaffPeriods_Staff_CancelledByStaffId",
                        column: x => x.CancelledByStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StaffPeriods_Staff_RecordedByStaffId",
                        column: x => x.RecordedByStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StaffPeriods_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Staff_PendingCounterId",
                table: "Staff",
                column: "PendingCounterId");

            migrationBuilder.CreateIndex(
                name: "IX_CounterSessionGroups_ServiceGroupId",
                table: "CounterSessionGroups",
                column: "ServiceGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffMoves_ActorStaffId",
                table: "StaffMoves",
                column: "ActorStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffMoves_BranchId_At",
                table: "StaffMoves",
                columns: new[] { "BranchId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffMoves_OtherBranchId_At",
                table: "StaffMoves",
                columns: new[] { "OtherBranchId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffMoves_StaffId_At",
                table: "StaffMoves",
                columns: new[] { "StaffId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffPeriods_CancelledByStaffId",
                table: "StaffPeriods",
                column: "CancelledByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffPeriods_EndedAt_CancelledAt_From",
                table: "StaffPeriods",
                columns: new[] { "EndedAt", "CancelledAt", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffPeriods_RecordedByStaffId",
                table: "StaffPeriods",
                column: "RecordedByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffPeriods_StaffId_From",
                table: "StaffPeriods",
                columns: new[] { "StaffId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffPeriods_ToBranchId_To",
                table: "StaffPeriods",
                columns: new[] { "ToBranchId", "To" });

            migrationBuilder.AddForeignKey(
                name: "FK_Staff_Counters_PendingCounterId",
                table: "Staff",
                column: "PendingCounterId",
                principalTable: "Counters",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Staff_Counters_PendingCounterId",
                table: "Staff");

            migrationBuilder.DropTable(
                name: "CounterSessionGroups");

            migrationBuilder.DropTable(
                name: "StaffMoves");

            migrationBuilder.DropTable(
                name: "StaffPeriods");

            migrationBuilder.DropIndex(
                name: "IX_Staff_PendingCounterId",
                table: "Staff");

            migrationBuilder.DropColumn(
                name: "PendingCounterId",
                table: "Staff");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Staff");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Counters");
        }
    }
}
