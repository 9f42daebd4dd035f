using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Email;
using Portal.Core.Features.Tiers;
using Portal.Core.Options;
using Portal.Jobs;

namespace Portal.UnitTests.Core;

public sealed class OptionsValidationTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Defaults_AreValid()
    {
        var empty = Settings();

        Should.NotThrow(() => empty.ReadValidated(DatabaseOptions.Section, new DatabaseOptionsValidator()));
        Should.NotThrow(() => empty.ReadValidated(EmailOptions.Section, new EmailOptionsValidator()));
        Should.NotThrow(() => empty.ReadValidated(TierOptions.Section, new TierOptionsValidator()));
        Should.NotThrow(() => empty.ReadValidated(JobsOptions.Section, new JobsOptionsValidator()));
    }

    [Theory]
    [InlineData("Tiers:SkaMonthlyGmv", "500000", "Tiers:SkaMonthlyGmv")]
    [InlineData("Tiers:KaMonthlyGmv", "-1", "Tiers:KaMonthlyGmv")]
    [InlineData("Tiers:DemotionMonths", "0", "Tiers:DemotionMonths")]
    [InlineData("Tiers:DemotionMonths", "13", "Tiers:DemotionMonths")] // beyond what the admin settings page can save
    public void Tiers_WithBadValue_NameTheSetting(string key, string value, string named)
    {
        var error = Should.Throw<OptionsValidationException>(() => Settings((key, value)).ReadValidated(TierOptions.Section, new TierOptionsValidator()));

        error.Message.ShouldContain($"'{named}'");
    }

    [Theory]
    [InlineData("Email:FromAddress", "not an address", "Email:FromAddress")]
    [InlineData("Email:MaxAttempts", "0", "Email:MaxAttempts")]
    public void Email_WithBadValue_NamesTheSetting(string key, string value, string named)
    {
        var error = Should.Throw<OptionsValidationException>(() => Settings((key, value)).ReadValidated(EmailOptions.Section, new EmailOptionsValidator()));

        error.Message.ShouldContain($"'{named}'");
    }

    [Fact]
    public void Database_WithEmptyPathOrBadTimeout_NamesBothSettings()
    {
        var error = Should.Throw<OptionsValidationException>(() =>
            Settings(("Database:SqlitePath", " "), ("Database:BusyTimeoutMs", "-5")).ReadValidated(DatabaseOptions.Section, new DatabaseOptionsValidator()));

        error.Message.ShouldContain("'Database:SqlitePath'");
        error.Message.ShouldContain("'Database:BusyTimeoutMs'");
    }

    [Fact]
    public void Jobs_WithBadCronAndWorkers_NamesBothSettings()
    {
        var error = Should.Throw<OptionsValidationException>(() =>
            Settings(("Jobs:ReconcileCron", "every five minutes please"), ("Jobs:WorkerCount", "0")).ReadValidated(JobsOptions.Section, new JobsOptionsValidator()));

        error.Message.ShouldContain("'Jobs:ReconcileCron'");
        error.Message.ShouldContain("'Jobs:WorkerCount'");
    }

    [Fact]
    public void Jobs_PostgresStorageOnSqliteWithoutItsOwnDatabase_NamesTheSettings()
    {
        var error = Should.Throw<OptionsValidationException>(() =>
            Settings(("Jobs:Storage", "Postgres")).ReadValidated(JobsOptions.Section, new JobsOptionsValidator()));

        error.Message.ShouldContain("'Jobs:Storage'");
        error.Message.ShouldContain("Jobs:ConnectionString");
        error.Message.ShouldContain("Database:Provider=Postgres");
    }

    [Fact]
    public void Jobs_PostgresStorage_TakesThePortalsDatabaseOrItsOwn()
    {
        var postgres = Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=db;Database=portal" });

        Should.NotThrow(() => Settings(("Jobs:Storage", "Postgres")).ReadValidated(JobsOptions.Section, new JobsOptionsValidator(postgres)));
        Should.NotThrow(() => Settings(("Jobs:Storage", "Postgres"), ("Jobs:ConnectionString", "Host=jobs;Database=hangfire"))
            .ReadValidated(JobsOptions.Section, new JobsOptionsValidator()));
        Should.Throw<OptionsValidationException>(() => Settings(("Jobs:Storage", "Postgres"), ("Jobs:ConnectionString", "Host=jobs"))
            .ReadValidated(JobsOptions.Section, new JobsOptionsValidator())).Message.ShouldContain("'Jobs:ConnectionString'");
        Should.Throw<OptionsValidationException>(() => Settings(("Jobs:InvisibilityTimeout", "00:00:00"))
            .ReadValidated(JobsOptions.Section, new JobsOptionsValidator())).Message.ShouldContain("'Jobs:InvisibilityTimeout'");
    }
}
