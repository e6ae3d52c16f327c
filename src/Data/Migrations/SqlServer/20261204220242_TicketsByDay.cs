using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanoiWorkbench.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TicketsByDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ServiceDate_BranchId",
                table: "Tickets",
                columns: new[] { "ServiceDate", "BranchId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_ServiceDate_BranchId",
                table: "Tickets");
        }
    }
}
