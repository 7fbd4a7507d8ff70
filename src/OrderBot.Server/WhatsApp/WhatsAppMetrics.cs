using System.Diagnostics.Metrics;

namespace OrderBot.Server.WhatsApp;

/// <summary>Webhook deliveries and messages, on the <c>OrderBot.WhatsApp</c> meter.</summary>
public sealed class WhatsAppMetrics
{
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _messages;
    private readonly Counter<long> _repaired;

    public WhatsAppMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create("OrderBot.WhatsApp");
        _deliveries = meter.CreateCounter<long>("orderbot.whatsapp.deliveries", "{delivery}", "Webhook deliveries by outcome.");
        _messages = meter.CreateCounter<long>("orderbot.whatsapp.messages", "{message}", "Messages received, by kind: new, duplicate, throttled, ignored (reactions, revokes...), identity_change (number or BSUID changes, phone numbers shared on request), other_number, invalid; other_number_status for statuses of another number.");
        _repaired = meter.CreateCounter<long>("orderbot.whatsapp.repaired_texts", "{text}", "Texts that held invalid UTF-8 or lone surrogates, stored with U+FFFD in their place.");
    }

    public void Delivery(string outcome) => _deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Repaired(int count)
    {
        if (count > 0)
        {
            _repaired.Add(count);
        }
    }

    public void Messages(int count, string kind)
    {
        if (count > 0)
        {
            _messages.Add(count, new KeyValuePair<string, object?>("kind", kind));
        }
    }
}
