namespace OrderBot.Extraction;

/// <summary>Turns a customer's free text into order details; implementations never throw for bad input.</summary>
public interface IOrderExtractor
{
    Task<ExtractedOrder> ExtractAsync(string message, CancellationToken cancellationToken = default);
}
