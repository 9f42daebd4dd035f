using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Portal.Core.Options;
using Portal.Web.Infrastructure;

namespace Portal.UnitTests.Web;

public sealed class CircuitSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Defaults_AreValidAndHoldLessThanTheFramework()
    {
        var settings = Settings().ReadValidated(CircuitSettings.Section, new CircuitSettingsValidator());

        settings.DisconnectedMaxRetained.ShouldBe(50);
        settings.MaxUnacknowledgedRenderBatches.ShouldBe(5);
    }

    [Theory]
    [InlineData("Circuits:DisconnectedMaxRetained", "-1")]
    [InlineData("Circuits:DisconnectedRetentionPeriod", "02:00:00")]
    [InlineData("Circuits:JSInteropCallTimeout", "00:00:00")]
    [InlineData("Circuits:MaxUnacknowledgedRenderBatches", "0")]
    [InlineData("Circuits:MaxReceiveMessageBytes", "100")]
    public void Circuits_WithBadValue_NameTheSetting(string key, string value)
    {
        var error = Should.Throw<OptionsValidationException>(() =>
            Settings((key, value)).ReadValidated(CircuitSettings.Section, new CircuitSettingsValidator()));

        error.Message.ShouldContain($"'{key}'");
    }
}
