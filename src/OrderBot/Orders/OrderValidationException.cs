namespace OrderBot.Orders;

/// <summary>Input that cannot become an order; <see cref="Errors"/> maps each bad field to what is wrong with it.</summary>
public sealed class OrderValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The order is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static OrderValidationException For(string field, string error) => new(new Dictionary<string, string[]> { [field] = [error] });
}

/// <summary>An order was asked for a customer the shop does not know; customers are created by the channels first.</summary>
public sealed class UnknownCustomerException(string customerId)
    : Exception($"Customer '{customerId}' does not exist; create or upsert the customer before ordering.")
{
    public string CustomerId { get; } = customerId;
}
