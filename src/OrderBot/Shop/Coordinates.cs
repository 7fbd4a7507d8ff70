namespace OrderBot.Shop;

/// <summary>The ranges a point on Earth is written in; NaN is no coordinate at all.</summary>
public static class Coordinates
{
    public static bool IsLatitude(double value) => value is >= -90 and <= 90;

    public static bool IsLongitude(double value) => value is >= -180 and <= 180;
}
