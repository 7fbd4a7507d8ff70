using OrderBot.Shop;

namespace OrderBot.Orders;

/// <summary>What an order must satisfy in a shop, and what the shop adds to it: zone, fee, estimate, payment state and prices.</summary>
internal static class ShopOrderRules
{
    /// <summary>Minutes an as-soon-as-possible estimate adds for each order the kitchen already has (confirmed or preparing).</summary>
    public const int QueueMinutesPerOrder = 4;

    /// <summary>How long from now an as-soon-as-possible order takes: preparation, the zone's delivery time and the kitchen's queue.</summary>
    public static TimeSpan Lead(ShopSettings shop, DeliveryZone? zone, int queuedOrders) =>
        shop.Preparation + TimeSpan.FromMinutes((zone?.DeliveryMinutes ?? 0) + (queuedOrders * QueueMinutesPerOrder));

    /// <summary>The fulfilment, payment and price of a new order; throws the first rule it breaks.</summary>
    /// <exception cref="OrderValidationException">A field is malformed (address too long, coordinates out of range).</exception>
    /// <exception cref="OrderRuleException">The order breaks a shop rule.</exception>
    public static (Fulfilment? Fulfilment, Payment? Payment, Func<decimal, OrderPrice> Price) Apply(
        OrderRequest request, ShopSettings shop, decimal subtotal, int minorUnits, DateTimeOffset now, int queuedOrders)
    {
        var wish = request.Fulfilment;
        if (wish is not null)
        {
            Validate(wish);
        }

        var mode = wish?.Mode;
        if (mode is { } m && !shop.Modes.Contains(m))
        {
            throw new OrderRuleException(OrderRule.ModeNotOffered, "fulfilment.mode",
                $"{Wire(m)} is not offered; this shop offers {string.Join(", ", shop.Modes.Select(Wire))}");
        }

        var zone = mode == FulfilmentMode.Delivery ? ZoneFor(wish!, shop) : null;
        if (zone is not null && subtotal < zone.MinimumOrder)
        {
            throw new OrderRuleException(OrderRule.BelowMinimum, "items",
                $"the minimum order for delivery to this address is {zone.MinimumOrder}; the order comes to {subtotal}") { Minimum = zone.MinimumOrder };
        }

        var estimate = CheckTime(wish?.RequestedFor, shop, zone, now, queuedOrders);
        var payment = request.PaymentMethod is { } method ? PaymentFor(method, shop) : null;
        var tip = TipFor(request.TipPercent, shop, subtotal, minorUnits);
        var fee = zone?.Fee ?? 0;
        var fulfilment = wish is null ? null : new Fulfilment
        {
            Mode = wish.Mode,
            Address = wish.Address?.Trim() is { Length: > 0 } address ? address : null,
            Latitude = wish.Latitude,
            Longitude = wish.Longitude,
            Zone = zone?.Id,
            Fee = fee,
            RequestedFor = wish.RequestedFor?.UtcDateTime,
            EstimatedAt = estimate.UtcDateTime,
        };
        return (fulfilment, payment, PriceWith(shop, fee, tip, minorUnits));
    }

    /// <summary>How an existing order is priced again after its lines change: same fee and tip, the shop's tax; the zone minimum still holds.</summary>
    public static Func<decimal, OrderPrice> Reprice(Order order, ShopSettings shop, decimal subtotal, int minorUnits)
    {
        if (order.Fulfilment is { Zone: { } zoneId } && shop.Zones.All.FirstOrDefault(z => z.Id == zoneId) is { } zone && subtotal < zone.MinimumOrder)
        {
            throw new OrderRuleException(OrderRule.BelowMinimum, "items",
                $"the minimum order for delivery to this address is {zone.MinimumOrder}; the order would come to {subtotal}") { Minimum = zone.MinimumOrder };
        }

        return PriceWith(shop, order.Fulfilment?.Fee ?? 0, order.Tip, minorUnits);
    }

    private static Func<decimal, OrderPrice> PriceWith(ShopSettings shop, decimal fee, decimal tip, int minorUnits) =>
        shop.IsConfigured ? subtotal => OrderPricing.Price(subtotal, fee, shop.Tax, tip, minorUnits) : OrderPricing.ItemsOnly;

    private static void Validate(FulfilmentRequest wish)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(wish.Mode))
        {
            errors["fulfilment.mode"] = ["must be pickup or delivery"];
        }

        if (wish.Address is { Length: > OrderRequest.MaxAddressLength })
        {
            errors["fulfilment.address"] = [$"must be at most {OrderRequest.MaxAddressLength} characters"];
        }
        else if (wish.Address is not null && wish.Address.Any(c => char.IsControl(c) && c is not '\n'))
        {
            errors["fulfilment.address"] = ["must not contain control characters"];
        }

        if (wish.Postcode is { Length: > 32 })
        {
            errors["fulfilment.postcode"] = ["must be at most 32 characters"];
        }

        if (wish.Latitude is { } lat && !Coordinates.IsLatitude(lat))
        {
            errors["fulfilment.latitude"] = ["must be between -90 and 90"];
        }

        if (wish.Longitude is { } lon && !Coordinates.IsLongitude(lon))
        {
            errors["fulfilment.longitude"] = ["must be between -180 and 180"];
        }

        if (wish.Latitude.HasValue != wish.Longitude.HasValue)
        {
            errors["fulfilment.latitude"] = ["latitude and longitude go together"];
        }

        if (errors.Count > 0)
        {
            throw new OrderValidationException(errors);
        }
    }

    private static DeliveryZone ZoneFor(FulfilmentRequest wish, ShopSettings shop)
    {
        if (string.IsNullOrWhiteSpace(wish.Address) && wish.Latitude is null)
        {
            throw new OrderRuleException(OrderRule.AddressRequired, "fulfilment.address", "a delivery needs an address or a location");
        }

        var zone = (wish.Latitude is { } lat && wish.Longitude is { } lon ? shop.Zones.ForCoordinates(lat, lon) : null)
            ?? shop.Zones.ForPostcode(wish.Postcode)
            ?? shop.Zones.ForAddress(wish.Address);
        return zone ?? throw new OrderRuleException(OrderRule.OutsideZone, "fulfilment.address",
            "this address is outside the delivery zones" + (shop.Modes.Contains(FulfilmentMode.Pickup) ? "; pickup is possible" : ""));
    }

    /// <summary>The estimate: the requested time, or now plus preparation (plus delivery). Throws when the time is not allowed.</summary>
    private static DateTimeOffset CheckTime(DateTimeOffset? requested, ShopSettings shop, DeliveryZone? zone, DateTimeOffset now, int queuedOrders)
    {
        if (requested is null)
        {
            if (!shop.Hours.IsOpenAt(now))
            {
                var opens = shop.Hours.NextOpening(now);
                throw new OrderRuleException(OrderRule.ShopClosed, "fulfilment.requested_for",
                    opens is null ? "the shop is closed" : $"the shop is closed; it opens at {shop.Hours.LocalTime(opens.Value):yyyy-MM-dd HH:mm} (shop time)")
                {
                    NextOpening = opens,
                };
            }

            return now + Lead(shop, zone, queuedOrders);
        }

        return shop.Hours.Check(requested.Value, now, shop.MaxDaysAhead) switch
        {
            RequestedTimeVerdict.Allowed => requested.Value,
            RequestedTimeVerdict.InThePast => throw new OrderRuleException(OrderRule.TimeInThePast, "fulfilment.requested_for", "the requested time has passed"),
            RequestedTimeVerdict.TooFarAhead => throw new OrderRuleException(OrderRule.TimeTooFarAhead, "fulfilment.requested_for",
                $"orders can be scheduled at most {shop.MaxDaysAhead} days ahead"),
            _ => throw new OrderRuleException(OrderRule.ShopClosed, "fulfilment.requested_for", "the shop is closed at the requested time")
            {
                NextOpening = shop.Hours.NextOpening(requested.Value),
            },
        };
    }

    private static Payment PaymentFor(PaymentMethod method, ShopSettings shop) =>
        !Enum.IsDefined(method) || !shop.PaymentMethods.Contains(method)
            ? throw new OrderRuleException(OrderRule.PaymentNotAccepted, "payment_method",
                $"{method.ToString().ToLowerInvariant()} is not accepted; this shop takes {string.Join(", ", shop.PaymentMethods.Select(p => p.ToString().ToLowerInvariant()))}")
            : new Payment { Method = method, State = method == PaymentMethod.Online ? PaymentState.Pending : PaymentState.Due };

    private static decimal TipFor(decimal? percent, ShopSettings shop, decimal subtotal, int minorUnits) =>
        percent is null or 0 ? 0
        : shop.Tips.Contains(percent.Value) ? OrderPricing.Tip(subtotal, percent.Value, minorUnits)
        : throw new OrderRuleException(OrderRule.TipNotOffered, "tip_percent",
            shop.Tips.Count == 0 ? "this shop takes no tips" : $"the tip choices are {string.Join(", ", shop.Tips)} percent");

    private static string Wire(FulfilmentMode mode) => mode.ToString().ToLowerInvariant();
}
