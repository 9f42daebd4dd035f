using System.Data.Common;

namespace Portal.Core.Data;

/// <summary>
/// The few ADO.NET steps hand-written SQL repeats, provider-neutral (<see cref="DbConnection"/>, not
/// SqliteConnection), so a statement's PostgreSQL twin runs through the same code. Values go in as
/// <see cref="StoredValues"/> writes them.
/// </summary>
public static class DbCommandExtensions
{
    /// <summary>A command for <paramref name="sql"/> in <paramref name="transaction"/> (none: autocommit), with these parameters.</summary>
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        return command;
    }

    /// <summary>Runs a statement and answers the rows it changed.</summary>
    public static async Task<int> ExecuteAsync(this DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds a named parameter (null as <see cref="DBNull"/>) and answers it, for prepared statements that rebind per row.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
