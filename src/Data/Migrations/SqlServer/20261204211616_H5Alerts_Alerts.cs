using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanoiWorkbench.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class H5Alerts_Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BranchId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    OpenKey = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AcknowledgedByStaffId = table.Column<int>(type: "int", nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AcknowledgementNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Alerts_Branches_BranchId",
                        column: x => x.BranchId,
                        principalTable: "Branches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Alerts_Staff_AcknowledgedByStaffId",
                        column: x => x.AcknowledgedByStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_AcknowledgedAt_BranchId",
                table: "Alerts",
                columns: new[] { "AcknowledgedAt", "BranchId" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_AcknowledgedByStaffId",
                table: "Alerts",
                column: "AcknowledgedByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_BranchId_StartedAt",
                table: "Alerts",
                columns: new[] { "BranchId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_OpenKey",
                table: "Alerts",
                column: "OpenKey",
                unique: true,
                filter: "[OpenKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_StartedAt",
                table: "Alerts",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");
        }
    }
}
