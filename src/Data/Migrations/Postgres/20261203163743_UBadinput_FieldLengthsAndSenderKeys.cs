using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanoiWorkbench.Data.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "Note",
                table: "ApplicationSteps",
                type: "character varying(1100)",
                maxLength: 1100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PostalTrackingNumber",
                table: "Applications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

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

            migrationBuilder.AlterColumn<string>(
                name: "Note",
                table: "ApplicationSteps",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1100)",
                oldMaxLength: 1100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PostalTrackingNumber",
                table: "Applications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_IntakeRequests",
                table: "IntakeRequests",
                column: "IdempotencyKey");
        }
    }
}
