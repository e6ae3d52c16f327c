using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanoiWorkbench.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TPrivacy_AnonymisedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnonymisedAt",
                table: "Applications",
                type: "INTEGER",
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
