namespace Portal.E2E.Fixtures;

/// <summary>Every journey shares one portal and one browser, and runs one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "Portal";
}
