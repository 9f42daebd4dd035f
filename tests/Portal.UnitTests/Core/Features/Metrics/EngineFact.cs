using Portal.UnitTests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Portal.UnitTests.Core.Features.Metrics;

/// <summary>Marks a test class whose (inherited) <see cref="EngineFactAttribute"/> tests run on PostgreSQL.</summary>
public interface IRunsOnPostgres;

/// <summary>
/// A fact written once for both engines, in an abstract test class with one derived class per engine: in a class
/// that is <see cref="IRunsOnPostgres"/> it is skipped, as a <see cref="PostgresFactAttribute"/> is, when no
/// PostgreSQL server is configured.
/// </summary>
[XunitTestCaseDiscoverer("Portal.UnitTests.Core.Features.Metrics.EngineFactDiscoverer", "Portal.UnitTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineFactAttribute : FactAttribute;

/// <summary>Finds <see cref="EngineFactAttribute"/> tests; skips those of PostgreSQL classes without a server.</summary>
public sealed class EngineFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        typeof(IRunsOnPostgres).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()) && PostgresDatabase.Server is null
            ? new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod,
                $"Needs a PostgreSQL server: set {PostgresDatabase.Variable} to a connection string (scripts/test.sh starts one).")
            : base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
}

/// <summary>A test case skipped for a reason found at discovery (kept through the runner's serialization).</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("For deserialization only.")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string reason)
        : base(sink, display, options, method)
    {
        _reason = reason;
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Reason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("Reason");
        base.Deserialize(data);
    }
}
