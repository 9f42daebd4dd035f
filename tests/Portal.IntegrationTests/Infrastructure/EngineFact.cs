using Xunit.Abstractions;
using Xunit.Sdk;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// A fact written once for both engines, in an abstract class with one derived class per engine: it runs as a
/// <see cref="FactAttribute"/> in the SQLite class and as a <see cref="PostgresFactAttribute"/> (skipped without
/// <c>PORTAL_TEST_POSTGRES</c>) in the class marked <c>[Trait("Kind", "Postgres")]</c>.
/// </summary>
[XunitTestCaseDiscoverer("Portal.IntegrationTests.Infrastructure.EngineFactDiscoverer", "Portal.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineFactAttribute : FactAttribute;

/// <summary>Discovers <see cref="EngineFactAttribute"/>s: skipped in a PostgreSQL class when no server is given.</summary>
public sealed class EngineFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        if (PostgresDatabase.Server is null && OnPostgres(testMethod.TestClass.Class))
        {
            return
            [
                new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod,
                    $"Needs a PostgreSQL server: set {PostgresDatabase.Variable} to a connection string (scripts/test.sh starts one)."),
            ];
        }

        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }

    private static bool OnPostgres(ITypeInfo type) =>
        type.GetCustomAttributes(typeof(TraitAttribute)).Any(a => a.GetConstructorArguments().ToList() is [string name, string value] && name == "Kind" && value == "Postgres");
}
