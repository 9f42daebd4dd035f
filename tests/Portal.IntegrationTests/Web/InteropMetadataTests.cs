using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>The JSON metadata a circuit's JS runtime builds (CircuitJsonMetadata): fast tests of the resolver.</summary>
public sealed class InteropMetadataTests
{
    private enum Side
    {
        Left,
        Right,
    }

    // What Blazor's runtime sets, without its converters (they need a live runtime).
    private static JsonSerializerOptions Options(IJsonTypeInfoResolver resolver) => new()
    {
        MaxDepth = 32,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        TypeInfoResolver = resolver,
    };

    private static readonly InteropTypeInfoResolver Lean = new(InteropTypeInfoResolver.Default);

    private static object?[] InteropArguments() =>
    [
        7, "text", Guid.Parse("6f1c5a8e-2d7b-4a4e-9a51-3f0e6c2b7d10"), Side.Right, true, 1.5, null,
        new List<string> { "a", "b" },
        new Dictionary<string, List<string>> { ["k"] = ["v"] },
        new { Id = 3, Name = "x", Tags = new[] { "t" } },
    ];

    private static List<Type> TypesBuiltFor(IJsonTypeInfoResolver resolver, object?[] arguments)
    {
        var built = new List<Type>();
        JsonSerializer.Serialize(arguments, Options(resolver.WithAddedModifier(info => built.Add(info.Type))));
        return built;
    }

    [Fact]
    public void InteropArguments_SerializeAsTheDefaultResolverWrites()
    {
        var lean = JsonSerializer.Serialize(InteropArguments(), Options(Lean));

        lean.ShouldBe(JsonSerializer.Serialize(InteropArguments(), Options(new DefaultJsonTypeInfoResolver())));
        lean.ShouldContain("\"k\":[\"v\"]");
    }

    [Fact]
    public void AnIntegerSentAsAnObject_BuildsNoMetadataForItsInterfaces()
    {
        // The default resolver is asked for every ancestor of int while the serializer looks for a polymorphic one.
        // Should this start failing, System.Text.Json stopped doing that and CircuitJsonMetadata may go.
        TypesBuiltFor(new DefaultJsonTypeInfoResolver(), [7]).ShouldContain(typeof(INumber<int>));

        var built = TypesBuiltFor(Lean, [7, "text", Guid.Empty, Side.Left]);

        built.ShouldBe([typeof(object?[]), typeof(object), typeof(int), typeof(string), typeof(IEnumerable<char>), typeof(System.Collections.IEnumerable), typeof(char), typeof(Guid), typeof(Side)], ignoreOrder: true);
    }

    [Theory]
    [InlineData(typeof(IComparable))]
    [InlineData(typeof(IEquatable<int>))]
    [InlineData(typeof(INumber<int>))]
    [InlineData(typeof(IDisposable))]
    [InlineData(typeof(ValueType))]
    [InlineData(typeof(Enum))]
    public void AnAncestorNothingIsSentAs_IsDeclined(Type type) =>
        Lean.GetTypeInfo(type, Options(Lean)).ShouldBeNull();

    [Fact]
    public void CollectionInterfaces_AndTheInteropLibrarysOwn_StillResolve()
    {
        var options = Options(Lean);

        JsonSerializer.Deserialize<IReadOnlyList<string>>("[\"a\",\"b\"]", options).ShouldBe(["a", "b"]);
        JsonSerializer.Deserialize<IDictionary<string, int>>("{\"a\":1}", options)!["a"].ShouldBe(1);
        options.GetTypeInfo(typeof(IEnumerable<string>)).ShouldNotBeNull();
        Lean.GetTypeInfo(typeof(IJSObjectReference), options).ShouldNotBeNull();
    }
}

/// <summary>The resolver in the running app: every circuit's JS runtime gets it (starts the app).</summary>
public sealed class CircuitInteropMetadataTests
{
    [Fact]
    public async Task ACircuitsJsRuntime_DeclinesTheAncestorsAndIsStillBlazorsOwn()
    {
        await using var app = new PortalAppFactory();
        _ = app.Services;
        await using var scope = app.Services.CreateAsyncScope();

        var runtime = (JSRuntime)scope.ServiceProvider.GetRequiredService<IJSRuntime>();
        var options = CircuitJsonMetadata.Options(runtime);
        using var reference = DotNetObjectReference.Create(new object());

        runtime.GetType().FullName.ShouldBe("Microsoft.AspNetCore.Components.Server.Circuits.RemoteJSRuntime");
        options.TypeInfoResolver.ShouldBeOfType<InteropTypeInfoResolver>();
        // Blazor's own converters still write what blazor.web.js reads.
        JsonSerializer.Serialize<object?[]>([7, reference, new ElementReference("e1")], options)
            .ShouldBe("[7,{\"__dotNetObject\":1},{\"__internalId\":\"e1\"}]");
        options.TryGetTypeInfo(typeof(INumber<int>), out _).ShouldBeFalse();
    }
}
