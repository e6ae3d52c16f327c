using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanoiWorkbench.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JCityLive_BranchTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BranchTargets",
                columns: table => new
                {
                    BranchId = table.Column<int>(type: "INTEGER", nullable: false),
                    LongestWaitMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    WaitingPerOpenCounter = table.Column<double>(type: "REAL", nullable: false),
                    OverdueRise = table.Column<int>(type: "INTEGER", nullable: false),
                    OverdueWindowMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    SatisfactionFloor = table.Column<double>(type: "REAL", nullable: false),
                    MinimumRatings = table.Column<int>(type: "INTEGER", nullable: false),
                    PoolShareFactor = table.Column<double>(type: "REAL", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByStaffId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BranchTargets", x => x.BranchId);
                    table.ForeignKey(
                        name: "FK_BranchTargets_Branches_BranchId",
                        column: x => x.BranchId,
                        principalTable: "Branches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BranchTargets_Staff_UpdatedByStaffId",
                        column: x => x.UpdatedByStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BranchTargets_UpdatedByStaffId",
                table: "BranchTargets",
                column: "UpdatedByStaffId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BranchTargets");
        }
    }
}
