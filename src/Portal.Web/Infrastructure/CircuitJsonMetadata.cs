using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.JSInterop;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Keeps each circuit's JS-interop JSON metadata to the types its calls really send (docs/BENCHMARKS.md, "Round six";
/// ADR 0034).
/// </summary>
/// <remarks>
/// Blazor gives every circuit's JS runtime its own <see cref="JsonSerializerOptions"/> (its converters hold the
/// circuit), so the metadata System.Text.Json builds for a type is built again in every circuit and kept while the
/// circuit is open. The interop calls take their arguments as <c>object[]</c>, and for a value sent as an object the
/// serializer also builds metadata for every base type and interface of the value's type, looking for a
/// <c>[JsonPolymorphic]</c> ancestor: for an <see cref="int"/> that is 30 generic-math interfaces. An open journey
/// circuit held 87 types, 74 KB, mostly such ancestors of the <see cref="int"/>, <see cref="string"/> and
/// <see cref="Guid"/> that Blazor's and MudBlazor's start-up calls send.
/// The resolver here declines those ancestors (interfaces of the core library that are not collections, and
/// <see cref="ValueType"/> and <see cref="Enum"/>); the serializer reads "no metadata" as "not polymorphic", which
/// is what they are. Everything else goes to the resolver the options had (the default one on .NET 10.0).
/// The limit: a declined type can no longer be a declared interop type (an argument or result typed
/// <c>IComparable</c>, a payload property typed <c>Enum</c>): that call fails with <see cref="NotSupportedException"/>
/// naming the type. Neither Blazor, MudBlazor nor this app's calls declare one (checked 2026-12-05).
/// </remarks>
internal static class CircuitJsonMetadata
{
    /// <summary>Gives each circuit's JS runtime an <see cref="InteropTypeInfoResolver"/>; call after <c>AddInteractiveServerComponents</c>, once.</summary>
    public static IServerSideBlazorBuilder AddLeanInteropMetadata(this IServerSideBlazorBuilder builder)
    {
        var services = builder.Services;
        var index = services.Count - 1;
        while (index >= 0 && services[index].ServiceType != typeof(IJSRuntime))
        {
            index--;
        }

        // Blazor registers its circuit runtime (an internal type) as a scoped IJSRuntime that the circuit factory
        // casts back; the factory below builds that same type, so only its options change.
        if (index < 0 || services[index] is not { Lifetime: ServiceLifetime.Scoped, ImplementationType: { } runtimeType }
            || !typeof(JSRuntime).IsAssignableFrom(runtimeType))
        {
            throw new InvalidOperationException(
                "Blazor's circuit JS runtime is no longer registered as a scoped IJSRuntime type; review CircuitJsonMetadata for this framework version.");
        }

        var create = ActivatorUtilities.CreateFactory(runtimeType, Type.EmptyTypes);
        services[index] = ServiceDescriptor.Scoped(typeof(IJSRuntime), provider =>
        {
            var runtime = (JSRuntime)create(provider, null);
            var options = Options(runtime);
            options.TypeInfoResolver = new InteropTypeInfoResolver(options.TypeInfoResolver ?? InteropTypeInfoResolver.Default);
            return runtime;
        });
        return builder;
    }

    /// <summary>The runtime's serializer options, still unused when the runtime has just been built.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_JsonSerializerOptions")]
    internal static extern JsonSerializerOptions Options(JSRuntime runtime);
}

/// <summary>The options' own resolver, declining the core library's non-collection interfaces and <see cref="ValueType"/> and <see cref="Enum"/>.</summary>
internal sealed class InteropTypeInfoResolver(IJsonTypeInfoResolver inner) : IJsonTypeInfoResolver
{
    /// <summary>The reflection-based resolver, for options that had none yet (it keeps no state per options).</summary>
    public static readonly IJsonTypeInfoResolver Default = new DefaultJsonTypeInfoResolver();

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        IsMereAncestor(type) ? null : inner.GetTypeInfo(type, options);

    /// <summary>A type nothing is sent as: one the serializer only asks about while looking for polymorphic ancestors.</summary>
    public static bool IsMereAncestor(Type type) =>
        type == typeof(ValueType)
        || type == typeof(Enum)
        || (type.IsInterface && type.Assembly == typeof(object).Assembly && !typeof(IEnumerable).IsAssignableFrom(type));
}
