using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Core.Data;

namespace Portal.Core.Features.Live;

/// <summary>
/// <see cref="ILiveUpdates"/> between nodes on one PostgreSQL database: LISTEN on a dedicated connection per node
/// (reopened after a failure), NOTIFY for each update. A payload is <c>node|kind|key</c>: the node's own updates were
/// delivered locally when published, so the echo the database sends back is skipped (each is handled once).
/// An update published while the listener is reconnecting is lost for this node, so once it listens again it raises
/// every local listener with <see cref="LocalLiveUpdates.Everything"/>: open pages read again and catch up.
/// </summary>
public sealed class PostgresLiveUpdates(IOptions<DatabaseOptions> database, ILogger<PostgresLiveUpdates> logger)
    : LocalLiveUpdates, IHostedService, IAsyncDisposable
{
    /// <summary>The channel every node listens on (NOTIFY is scoped to the database, so portals on one server never meet).</summary>
    public const string Channel = "portal_live";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly Channel<string> _outgoing = System.Threading.Channels.Channel.CreateBounded<string>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private NpgsqlConnection? _listening;
    private Task _listen = Task.CompletedTask;
    private Task _send = Task.CompletedTask;
    private int _disposed;

    /// <summary>Whether this node's LISTEN connection is open (for readiness and tests).</summary>
    public bool IsListening => _listening is { State: System.Data.ConnectionState.Open };

    /// <summary>The server process of this node's LISTEN connection (tests end it to cut the connection).</summary>
    internal int? ListenerProcessId => _listening is { State: System.Data.ConnectionState.Open } listening ? listening.ProcessID : null;

    public override void Publish(string kind, string key)
    {
        Deliver(kind, key);
        _outgoing.Writer.TryWrite($"{_node}|{kind}|{key}");
    }

    /// <summary>Listens before the host serves anything, so a page opened right after start hears every other node.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _listening = await ListenAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            logger.LogWarning(exception, "Live updates: could not LISTEN at start; retrying in the background");
        }

        _listen = Task.Run(() => ListenLoopAsync(_stopping.Token), CancellationToken.None);
        _send = Task.Run(() => SendLoopAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            // A host stopped after the container disposed it (several hosts in one test process): nothing runs.
            return;
        }

        await _stopping.CancelAsync();
        _outgoing.Writer.TryComplete();
        await Task.WhenAll(_listen, _send).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        // Registered under three service types, so the container may dispose it more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        _outgoing.Writer.TryComplete();
        // The loops end on the cancellation; the LISTEN connection goes only after they stopped using it. The token
        // source is left to the collector: a StopAsync racing this disposal must still be able to read it.
        await Task.WhenAll(_listen, _send).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_listening is { } connection)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        // Its own connection outside the pool: it lives as long as the node and must never be handed to a query.
        var builder = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { Pooling = false, KeepAlive = 30 };
        var connection = new NpgsqlConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            connection.Notification += (_, e) => Received(e.Payload);
            await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task ListenLoopAsync(CancellationToken stopping)
    {
        var lost = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (_listening is null)
                {
                    _listening = await ListenAsync(stopping);
                    if (lost)
                    {
                        // What other nodes NOTIFYed while this one was not listening is gone: its open pages read again.
                        lost = false;
                        logger.LogInformation("Live updates: listening again; open pages read again");
                        DeliverEverything();
                    }
                }

                await _listening.WaitAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or IOException)
            {
                logger.LogWarning(exception, "Live updates: the LISTEN connection failed; reconnecting");
                lost = true;
                if (_listening is { } broken)
                {
                    _listening = null;
                    await broken.DisposeAsync();
                }

                await Task.Delay(RetryDelay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken stopping)
    {
        await foreach (var payload in _outgoing.Reader.ReadAllAsync(CancellationToken.None))
        {
            for (var attempt = 1; attempt <= 3 && !stopping.IsCancellationRequested; attempt++)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
                    await connection.OpenAsync(stopping);
                    await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                    notify.Parameters.AddWithValue("channel", Channel);
                    notify.Parameters.AddWithValue("payload", payload);
                    await notify.ExecuteNonQueryAsync(stopping);
                    break;
                }
                catch (Exception exception) when (exception is NpgsqlException or IOException)
                {
                    logger.LogWarning(exception, "Live updates: could not NOTIFY (attempt {Attempt})", attempt);
                    await Task.Delay(RetryDelay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Received(string payload)
    {
        var parts = payload.Split('|', 3);
        if (parts.Length == 3 && parts[0] != _node)
        {
            Deliver(parts[1], parts[2]);
        }
    }
}
