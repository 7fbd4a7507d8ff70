using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace OrderBot.Orders;

/// <summary>Idempotency keys: the same key and request return the first order; the same key with another request is refused.</summary>
public sealed partial class OrderHandler
{
    private static IdempotentOrderRequest? IdempotencyFor(OrderRequest request)
    {
        if (request.IdempotencyKey is null)
        {
            return null;
        }

        if (request.IdempotencyKey.Length is 0 or > 255 || request.IdempotencyKey.Any(char.IsControl))
        {
            throw OrderValidationException.For("idempotency_key", "must be 1-255 printable characters");
        }

        var fingerprint = Convert.ToHexString(SHA256.HashData(
            JsonSerializer.SerializeToUtf8Bytes(new { request.CustomerId, request.Items, request.SpecialInstructions }, OrderJson.Options)));
        return new IdempotentOrderRequest
        {
            Key = $"{request.IdempotencyScope}:{request.IdempotencyKey}", Fingerprint = fingerprint, OrderId = "", CreatedAt = default,
        };
    }

    private async Task<PlacedOrder?> FindReplayAsync(IdempotentOrderRequest wanted, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var earlier = await db.IdempotentOrderRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Key == wanted.Key, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        if (earlier.Fingerprint != wanted.Fingerprint)
        {
            throw new IdempotencyKeyReusedException(wanted.Key[(wanted.Key.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        }

        var order = await db.Orders.AsNoTracking().Include(o => o.History).FirstAsync(o => o.Id == earlier.OrderId, cancellationToken);
        return PlacedOrder.From(order) with { Replayed = true };
    }
}
