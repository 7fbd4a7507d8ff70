namespace OrderBot.Shop;

/// <summary>A delivery zone as the rules use it: postcodes already normalised.</summary>
public sealed record DeliveryZone(string Id, IReadOnlySet<string> Postcodes, double? RadiusKm, decimal Fee, decimal MinimumOrder, int DeliveryMinutes);

/// <summary>Which zone covers an address: by postcode, or by distance from the shop for zones with a radius. The first zone in the file that covers it wins.</summary>
public sealed class DeliveryZones(IReadOnlyList<DeliveryZone> zones, double? shopLatitude, double? shopLongitude)
{
    public const double EarthRadiusKm = 6371.0088;

    public static readonly DeliveryZones None = new([], null, null);

    public IReadOnlyList<DeliveryZone> All => zones;

    /// <summary>"sw1a 1aa" and "SW1A1AA" are the same postcode: upper case, no spaces or dashes.</summary>
    public static string NormalizePostcode(string postcode) =>
        string.Concat(postcode.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    public DeliveryZone? ForPostcode(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }

        var normalized = NormalizePostcode(postcode);
        return zones.FirstOrDefault(z => z.Postcodes.Contains(normalized));
    }

    /// <summary>The zone of a postcode written inside an address ("12 Baker St, NW1 6XE"): single words and adjacent pairs are tried.</summary>
    public DeliveryZone? ForAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var words = address.Split([' ', ',', ';', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(NormalizePostcode).Where(w => w.Length > 0).ToList();
        var candidates = words.Concat(words.Zip(words.Skip(1), (a, b) => a + b));
        return candidates.Select(c => zones.FirstOrDefault(z => z.Postcodes.Contains(c))).FirstOrDefault(z => z is not null);
    }

    public DeliveryZone? ForCoordinates(double latitude, double longitude) =>
        shopLatitude is { } lat && shopLongitude is { } lon
            ? zones.FirstOrDefault(z => z.RadiusKm is { } radius && DistanceKm(lat, lon, latitude, longitude) <= radius)
            : null;

    /// <summary>The great-circle distance (haversine).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
