using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanoiWorkbench.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TPrivacy_AnonymisedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnonymisedAt",
                table: "Applications",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_AnonymisedAt",
                table: "Applications",
                columns: new[] { "Status", "AnonymisedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_AnonymisedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "Applications");
        }
    }
}
