using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanoiWorkbench.Data.Migrations.Sqlite
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

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "Ratings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Reason",
                table: "Ratings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Key = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
