using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanoiWorkbench.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ratings_BranchId_At",
                table: "Ratings");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_BranchId_At_StaffId_Level",
                table: "Ratings",
                columns: new[] { "BranchId", "At", "StaffId", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_HandlingBranchId_CompletedAt_HandlingStaffId_OriginalDueAt_DueAt",
                table: "Applications",
                columns: new[] { "HandlingBranchId", "CompletedAt", "HandlingStaffId", "OriginalDueAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ReceivingBranchId_ReceivedAt_ReceivedByStaffId",
                table: "Applications",
                columns: new[] { "ReceivingBranchId", "ReceivedAt", "ReceivedByStaffId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ratings_BranchId_At_StaffId_Level",
                table: "Ratings");

            migrationBuilder.DropIndex(
                name: "IX_Applications_HandlingBranchId_CompletedAt_HandlingStaffId_OriginalDueAt_DueAt",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_ReceivingBranchId_ReceivedAt_ReceivedByStaffId",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_BranchId_At",
                table: "Ratings",
                columns: new[] { "BranchId", "At" });
        }
    }
}
