namespace Portal.Core.Data;

/// <summary>Records whose creation time the <see cref="Interceptors.TimestampInterceptor"/> stamps from the app's clock.</summary>
public interface IHasCreatedAt
{
    DateTimeOffset CreatedAt { get; set; }
}
