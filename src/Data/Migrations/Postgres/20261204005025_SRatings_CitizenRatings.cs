using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanoiWorkbench.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SRatings_CitizenRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ratings_ApplicationId",
                table: "Ratings");

            migrationBuilder.DropIndex(
                name: "IX_Ratings_TicketId",
                table: "Ratings");

            migrationBuilder.AlterColumn<string>(
                name: "Comment",
                table: "Ratings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "Ratings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Reason",
                table: "Ratings",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    Purpose = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Key = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.Purpose);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_ApplicationId",
                table: "Ratings",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_TicketId",
                table: "Ratings",
                column: "TicketId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SigningKeys");

            migrationBuilder.DropIndex(
                name: "IX_Ratings_ApplicationId",
                table: "Ratings");

            migrationBuilder.DropIndex(
                name: "IX_Ratings_TicketId",
                table: "Ratings");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Ratings");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "Ratings");

            migrationBuilder.AlterColumn<string>(
                name: "Comment",
                table: "Ratings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_ApplicationId",
                table: "Ratings",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_TicketId",
                table: "Ratings",
                column: "TicketId");
        }
    }
}
