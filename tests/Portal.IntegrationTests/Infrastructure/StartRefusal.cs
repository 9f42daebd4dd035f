using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The settings failure that stopped a test host's start, however WebApplicationFactory reports it.
/// </summary>
/// <remarks>
/// A setting read while the app is built fails the build, and <c>CreateClient</c> throws that failure. A setting
/// validated later (<c>ValidateOnStart</c>, or a service that reads its options while the host starts) fails the app's
/// own <c>Run</c> on the entry point's thread, which disposes the host; when that happens before WebApplicationFactory's
/// deferred host asks the host for its lifetime, <c>CreateClient</c> throws <see cref="ObjectDisposedException"/>
/// instead and the failure is lost (seen once in CI on a loaded machine). So the app's options factory is watched, and
/// the first validation failure it throws is kept. Other start failures (a hosted service's) are not covered.
/// </remarks>
internal sealed class StartRefusal
{
    private OptionsValidationException? _failure;

    /// <summary>Builds every options value through <see cref="RecordingOptionsFactory{T}"/> (for ConfigureTestServices).</summary>
    public void Watch(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.Replace(ServiceDescriptor.Transient(typeof(IOptionsFactory<>), typeof(RecordingOptionsFactory<>)));
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

    /// <summary>The framework's options factory, keeping the first validation failure it throws.</summary>
    private sealed class RecordingOptionsFactory<T>(
        IEnumerable<IConfigureOptions<T>> setups,
        IEnumerable<IPostConfigureOptions<T>> postConfigures,
        IEnumerable<IValidateOptions<T>> validations,
        StartRefusal refusal) : IOptionsFactory<T>
        where T : class
    {
        private readonly OptionsFactory<T> _inner = new(setups, postConfigures, validations);

        public T Create(string name)
        {
            try
            {
                return _inner.Create(name);
            }
            catch (OptionsValidationException failure)
            {
                refusal.Keep(failure);
                throw;
            }
        }
    }
}
