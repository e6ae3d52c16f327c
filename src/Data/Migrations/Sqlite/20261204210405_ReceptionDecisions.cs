using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanoiWorkbench.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReceptionDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Outcome",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RepeatReason",
                table: "ApplicationPauses",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReceptionDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchId = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcedureId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CitizenId = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Missing = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Token = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceptionDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceptionDecisions_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReceptionDecisions_Branches_BranchId",
                        column: x => x.BranchId,
                        principalTable: "Branches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReceptionDecisions_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReceptionDecisions_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionDecisions_AreaId",
                table: "ReceptionDecisions",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionDecisions_BranchId_At_Kind",
                table: "ReceptionDecisions",
                columns: new[] { "BranchId", "At", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionDecisions_CitizenId",
                table: "ReceptionDecisions",
                column: "CitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionDecisions_ProcedureId",
                table: "ReceptionDecisions",
                column: "ProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionDecisions_StaffId",
                table: "ReceptionDecisions",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionDecisions_Token",
                table: "ReceptionDecisions",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReceptionDecisions");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "RepeatReason",
                table: "ApplicationPauses");
        }
    }
}
