using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanoiWorkbench.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReceptionTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ReceptionToken",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Kind_State_QueuedBranchId",
                table: "WorkItems",
                columns: new[] { "Kind", "State", "QueuedBranchId" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ReceptionToken",
                table: "Applications",
                column: "ReceptionToken",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_Kind_State_QueuedBranchId",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_Applications_ReceptionToken",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ReceptionToken",
                table: "Applications");
        }
    }
}
