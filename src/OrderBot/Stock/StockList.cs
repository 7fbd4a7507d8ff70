using Microsoft.EntityFrameworkCore;
using OrderBot.Menus;
using OrderBot.Storage;

namespace OrderBot.Stock;

/// <summary>The sold-out marks in the database: read by the Order Handler and the chat, changed by staff.</summary>
public sealed class StockList(IDbContextFactory<OrderBotDbContext> dbFactory, TimeProvider time, Menu? menu = null)
{
    public async Task<IReadOnlyList<SoldOutMark>> SoldOutAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SoldOutMarks.AsNoTracking().OrderBy(m => m.Kind).ThenBy(m => m.MenuId).ToListAsync(cancellationToken);
    }

    /// <summary>The sold-out item and option ids, in one read, for checking an order's lines.</summary>
    public async Task<SoldOutIds> SoldOutIdsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var marks = await db.SoldOutMarks.AsNoTracking().Select(m => new { m.Kind, m.MenuId }).ToListAsync(cancellationToken);
        return new SoldOutIds(
            marks.Where(m => m.Kind == StockKind.Item).Select(m => m.MenuId).ToHashSet(StringComparer.Ordinal),
            marks.Where(m => m.Kind == StockKind.Option).Select(m => m.MenuId).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Whether the menu has an item or option with this id (only menu ids can be marked).</summary>
    public bool IsKnown(StockKind kind, string id) => menu is not null && (kind == StockKind.Item
        ? menu.Definition.Items.Any(i => i.Id == id)
        : menu.Definition.OptionGroups.Any(g => g.Options.Any(o => o.Id == id)));

    /// <summary>Marks sold out; marking twice is harmless. False when the menu has no such id.</summary>
    public async Task<bool> MarkSoldOutAsync(StockKind kind, string id, string actor, CancellationToken cancellationToken = default)
    {
        if (!IsKnown(kind, id))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.SoldOutMarks.AnyAsync(m => m.Kind == kind && m.MenuId == id, cancellationToken))
        {
            db.SoldOutMarks.Add(new SoldOutMark { Kind = kind, MenuId = id, MarkedAt = time.GetUtcNow().UtcDateTime, MarkedBy = actor });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation("sold_out"))
            {
                // Another instance marked it at the same moment: it is sold out either way.
            }
        }

        return true;
    }

    /// <summary>Marks available again; false when the menu has no such id.</summary>
    public async Task<bool> MarkAvailableAsync(StockKind kind, string id, CancellationToken cancellationToken = default)
    {
        if (!IsKnown(kind, id))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.SoldOutMarks.Where(m => m.Kind == kind && m.MenuId == id).ExecuteDeleteAsync(cancellationToken);
        return true;
    }
}
