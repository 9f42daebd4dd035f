using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Portal.UnitTests.Infrastructure;

/// <summary>
/// The settings failure that stopped a test host's start, however WebApplicationFactory reports it.
/// </summary>
/// <remarks>
/// A setting read while the app is built fails the build, and <c>CreateClient</c> throws that failure. A setting
/// validated later (<c>ValidateOnStart</c>, or a service that reads its options while the host starts) fails the app's
/// own <c>Run</c> on the entry point's thread, which disposes the host; when that happens before WebApplicationFactory's
/// deferred host asks the host for its lifetime, <c>CreateClient</c> throws <see cref="ObjectDisposedException"/>
/// instead and the failure is lost (seen once in CI on a loaded machine). So every options validator of the app is
/// watched, and the first failure it reports is kept.
/// </remarks>
internal sealed class StartRefusal
{
    private OptionsValidationException? _failure;

    /// <summary>Wraps each of the app's options validators so that a failure is kept (for ConfigureTestServices).</summary>
    public void Watch(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.IsKeyedService || !descriptor.ServiceType.IsGenericType
                || descriptor.ServiceType.GetGenericTypeDefinition() != typeof(IValidateOptions<>))
            {
                continue;
            }

            var recording = typeof(Recording<>).MakeGenericType(descriptor.ServiceType.GetGenericArguments());
            Func<IServiceProvider, object> inner = descriptor switch
            {
                { ImplementationInstance: { } instance } => _ => instance,
                { ImplementationFactory: { } factory } => factory,
                _ => provider => ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!),
            };
            services[i] = ServiceDescriptor.Describe(descriptor.ServiceType,
                provider => Activator.CreateInstance(recording, inner(provider), this)!, descriptor.Lifetime);
        }
    }

    /// <summary>Runs <paramref name="start"/>, which must fail on a setting, and returns that failure.</summary>
    public OptionsValidationException Of(Action start)
    {
        var thrown = Should.Throw<Exception>(start);
        return thrown as OptionsValidationException
            ?? (thrown is ObjectDisposedException ? Volatile.Read(ref _failure) : null)
            ?? throw new ShouldAssertException($"The start failed with {thrown.GetType().Name}, not on a setting: {thrown.Message}");
    }

    private void Keep(OptionsValidationException failure) => Interlocked.CompareExchange(ref _failure, failure, null);

    private sealed class Recording<T>(IValidateOptions<T> inner, StartRefusal refusal) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var result = inner.Validate(name, options);
            if (result.Failed)
            {
                refusal.Keep(new OptionsValidationException(name ?? Options.DefaultName, typeof(T), result.Failures));
            }

            return result;
        }
    }
}
