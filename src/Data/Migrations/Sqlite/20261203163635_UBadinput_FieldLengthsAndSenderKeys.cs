using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanoiWorkbench.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UBadinput_FieldLengthsAndSenderKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_IntakeRequests",
                table: "IntakeRequests");

            migrationBuilder.AddColumn<string>(
                name: "Sender",
                table: "IntakeRequests",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_IntakeRequests",
                table: "IntakeRequests",
                columns: new[] { "Sender", "IdempotencyKey" });

            migrationBuilder.CreateIndex(
                name: "IX_IntakeRequests_CreatedAt",
                table: "IntakeRequests",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_IntakeRequests",
                table: "IntakeRequests");

            migrationBuilder.DropIndex(
                name: "IX_IntakeRequests_CreatedAt",
                table: "IntakeRequests");

            migrationBuilder.DropColumn(
                name: "Sender",
                table: "IntakeRequests");

            migrationBuilder.AddPrimaryKey(
                name: "PK_IntakeRequests",
                table: "IntakeRequests",
                column: "IdempotencyKey");
        }
    }
}
