using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Core.Data;

namespace Portal.UnitTests.Core.Data;

/// <summary>A save refused for a taken key is a race to answer; any other failure is not, on either engine.</summary>
public sealed class UniqueViolationTests
{
    private static DbUpdateException Failed(Exception inner) => new("An error occurred while saving the entity changes.", inner);

    [Theory]
    [InlineData(2067, true)]  // SQLITE_CONSTRAINT_UNIQUE
    [InlineData(1555, true)]  // SQLITE_CONSTRAINT_PRIMARYKEY
    [InlineData(787, false)]  // SQLITE_CONSTRAINT_FOREIGNKEY
    [InlineData(1299, false)] // SQLITE_CONSTRAINT_NOTNULL
    [InlineData(5, false)]    // SQLITE_BUSY
    public void OnSqlite_OnlyAUniqueOrPrimaryKey_IsOne(int extendedCode, bool expected) =>
        UniqueViolation.Is(Failed(new SqliteException("constraint failed", extendedCode & 0xFF, extendedCode))).ShouldBe(expected);

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation, true)]
    [InlineData(PostgresErrorCodes.StringDataRightTruncation, false)]
    [InlineData(PostgresErrorCodes.ForeignKeyViolation, false)]
    public void OnPostgres_OnlySqlState23505_IsOne(string sqlState, bool expected) =>
        UniqueViolation.Is(Failed(new PostgresException("refused", "ERROR", "ERROR", sqlState))).ShouldBe(expected);

    [Theory]
    [InlineData("SQLite Error 19: 'UNIQUE constraint failed: ProviderMembers.UserId'.", "ProviderMembers", true)]
    [InlineData("SQLite Error 19: 'UNIQUE constraint failed: Providers.Code'.", "ProviderMembers", false)]
    [InlineData("SQLite Error 19: 'UNIQUE constraint failed: Providers.Code'.", "Providers", true)]
    [InlineData("SQLite Error 19: 'UNIQUE constraint failed: BrandDelegations.BrandId, BrandDelegations.ProviderId'.", "BrandDelegations", true)]
    public void OnSqlite_TheTableWhoseKeyWasTaken_IsToldApart(string message, string table, bool expected) =>
        UniqueViolation.IsOn(Failed(new SqliteException(message, 19, 2067)), table).ShouldBe(expected);

    [Theory]
    [InlineData("ProviderMembers", "ProviderMembers", true)]
    [InlineData("Providers", "ProviderMembers", false)]
    public void OnPostgres_TheTableWhoseKeyWasTaken_IsToldApart(string violated, string table, bool expected) =>
        UniqueViolation.IsOn(Failed(new PostgresException("refused", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation, tableName: violated)), table).ShouldBe(expected);

    [Fact]
    public void AFailureWithoutAnEngineError_IsNotOne() =>
        UniqueViolation.Is(new DbUpdateConcurrencyException("no row matched")).ShouldBeFalse();
}
