using OrderBot.Orders;

namespace OrderBot.Chat;

/// <summary>
/// Every text the conversation sends, for one language. The conversation picks the instance of the customer's
/// language (<see cref="For"/>); placeholders are numbered ({0}, {1}) as in <see cref="string.Format(string, object?[])"/>.
/// </summary>
public sealed partial record ChatTexts
{
    public required string Language { get; init; }

    public required string YourOrder { get; init; }
    public required string Total { get; init; }
    public required string Note { get; init; }
    public required string Confirm { get; init; }
    public required string Change { get; init; }
    public required string Cancel { get; init; }

    /// <summary>{0} " Name" or empty, {1} the shop, {2} an example order.</summary>
    public required string Welcome { get; init; }
    public required string SeeMenu { get; init; }
    public required string MyStatus { get; init; }

    /// <summary>{0} the order number, {1} its total.</summary>
    public required string Placed { get; init; }
    /// <summary>{0} the order number.</summary>
    public required string Cancelled { get; init; }
    /// <summary>{0} number, {1} total, {2} status phrase, {3} the pending-cart note.</summary>
    public required string Status { get; init; }
    public required string StatusPendingCart { get; init; }
    /// <summary>{0} an example order, {1} the pending-cart note.</summary>
    public required string NoOrders { get; init; }
    public required string NoOrderToCancel { get; init; }
    public required string DroppedCart { get; init; }
    public required string ThanksReply { get; init; }
    public required string ByeReply { get; init; }
    public required string NotPlacedYet { get; init; }
    public required string NoWithCart { get; init; }
    public required string NoWithoutCart { get; init; }
    /// <summary>{0} the cart note, {1} an example order.</summary>
    public required string NotUnderstood { get; init; }
    public required string CartUnchanged { get; init; }

    /// <summary>{0} the sold-out item or option.</summary>
    public required string SoldOut { get; init; }

    /// <summary>The status phrase of a pickup order that is ready ("is ready for pickup").</summary>
    public required string ReadyForPickup { get; init; }

    /// <summary>Appended to a delivery's "is on its way": {0} the expected arrival, HH:mm in the shop's time.</summary>
    public required string ArrivingAround { get; init; }

    /// <summary>{0} the closest available items.</summary>
    public required string SoldOutAlternatives { get; init; }
    public required string HandOverPerson { get; init; }
    public required string HandOverComplaint { get; init; }
    public required string HandOverMisunderstood { get; init; }
    /// <summary>{0} the order number, {1} the status phrase.</summary>
    public required string Notice { get; init; }
    public required Func<OrderStatus, string> StatusPhrase { get; init; }


    /// <summary>{0} the example order.</summary>
    public required string TypeOrder { get; init; }
    public required string CartExpired { get; init; }
    public required string LocationThanks { get; init; }
    /// <summary>{0} the example order.</summary>
    public required string OnlyText { get; init; }
    /// <summary>Put before the size question asked again.</summary>
    public required string StillNeedSize { get; init; }
    /// <summary>{0} what the customer wrote.</summary>
    public required string NotOnMenu { get; init; }
    /// <summary>{0} what the customer wrote, {1} the close names joined with <see cref="Or"/>.</summary>
    public required string DidYouMean { get; init; }
    /// <summary>As <see cref="DidYouMean"/>, when there is no button to tap.</summary>
    public required string DidYouMeanType { get; init; }
    public required string Or { get; init; }
    public required string And { get; init; }
    public required string CartClosed { get; init; }
    public required string ItemGone { get; init; }
    /// <summary>{0} the product ids.</summary>
    public required string ProductsGone { get; init; }
    public required string TypeInstead { get; init; }

    // Edits of the cart.
    public required string AlmostSize { get; init; }
    /// <summary>{0} the sizes chosen, each <see cref="SizeFor"/>, joined with <see cref="And"/>.</summary>
    public required string WentWith { get; init; }
    /// <summary>{0} the size, {1} the item.</summary>
    public required string SizeFor { get; init; }
    public required string Done { get; init; }
    public required string Changed { get; init; }
    /// <summary>{0} the lines removed.</summary>
    public required string Removed { get; init; }
    public required string PlacedUnchanged { get; init; }
    public required string EmptyNow { get; init; }
    /// <summary>{0} what the customer named.</summary>
    public required string NotInOrder { get; init; }
    public required string WhichOne { get; init; }

    // Placed orders: amend, repeat, cancel.
    /// <summary>{0} the problem.</summary>
    public required string CouldNotPlace { get; init; }
    public required string NotValid { get; init; }
    /// <summary>{0} the order number, {1} the new total.</summary>
    public required string Updated { get; init; }
    /// <summary>{0} the order number, {1} the status phrase.</summary>
    public required string TooLateToChange { get; init; }
    /// <summary>{0} the order number, {1} the status phrase.</summary>
    public required string StartedNew { get; init; }
    /// <summary>{0} the order number.</summary>
    public required string Adding { get; init; }
    /// <summary>{0} the order number, {1} an item name.</summary>
    public required string CanStillChange { get; init; }
    /// <summary>{0} an example order.</summary>
    public required string NothingToChange { get; init; }
    /// <summary>{0} an example order.</summary>
    public required string NoEarlierOrder { get; init; }
    /// <summary>{0} the names.</summary>
    public required string NoLongerOnMenu { get; init; }
    public required string NoneOnMenu { get; init; }
    public required string AlreadyPlacedShort { get; init; }
    /// <summary>{0} the order number, {1} its total, {2} the status phrase.</summary>
    public required string AlreadyPlaced { get; init; }
    /// <summary>{0} the order number.</summary>
    public required string AlreadyCancelled { get; init; }
    /// <summary>{0} the order number, {1} the status phrase.</summary>
    public required string CancelAsked { get; init; }
    /// <summary>{0} the order number.</summary>
    public required string ChangedJustNow { get; init; }
    /// <summary>{0} the order number, {1} the status phrase.</summary>
    public required string TooLateToCancel { get; init; }
    public required string LeftPlaced { get; init; }
    public required string ChangeHelp { get; init; }

    // Talk and questions.
    /// <summary>{0} an example order.</summary>
    public required string WhatWouldYouLike { get; init; }
    /// <summary>{0} the topic (<see cref="ShopTopic"/>).</summary>
    public required string NoShopInfo { get; init; }
    /// <summary>The topic a question about the shop asks: "hours", "delivery", "payment", "parking" or "address".</summary>
    public required Func<string, string> ShopTopic { get; init; }
    /// <summary>{0} the cart's total.</summary>
    public required string CartComesTo { get; init; }
    public required string WhichPrice { get; init; }
    /// <summary>{0} the item's price.</summary>
    public required string YesWeHave { get; init; }
    public required string YesAddIt { get; init; }
    /// <summary>{0} the prices.</summary>
    public required string YesPrices { get; init; }
    public required string NotSure { get; init; }
    /// <summary>{0} the order number, {1} the status phrase.</summary>
    public required string WaitStatus { get; init; }
    public required string WaitNoOrder { get; init; }
    public required string BackWithBot { get; init; }
    public required string SomethingWrong { get; init; }
    /// <summary>{0} the words the parser could not count.</summary>
    public required string HowMany { get; init; }
    /// <summary>{0} the candidates.</summary>
    public required string WhichMeant { get; init; }

    // The menu browser.
    /// <summary>{0} the shop, {1} an example order.</summary>
    public required string MenuIntro { get; init; }
    /// <summary>A category row: {0} how many items, {1} the lowest price.</summary>
    public required Func<int, string, string> CategoryRow { get; init; }
    public required string More { get; init; }
    public required string MoreDescription { get; init; }
    /// <summary>{0} the category, {1} an example order.</summary>
    public required string CategoryIntro { get; init; }
    public required string MenuTitle { get; init; }
    /// <summary>An example order: 2 of the first item (with its size, or null), 1 of the second.</summary>
    public required Func<string, string?, string, string> ExampleOrder { get; init; }

    // Cart lines.
    /// <summary>Before an option taken off: "no onions".</summary>
    public required string Without { get; init; }
    /// <summary>"(left half)": the side of a half option ("left" or "right").</summary>
    public required Func<string, string> Half { get; init; }

    // The size question.
    /// <summary>{0} the quantity, {1} the line.</summary>
    public required string WhichSize { get; init; }
    public required string WhichSizes { get; init; }
    /// <summary>{0} a size.</summary>
    public required string AnswerAll { get; init; }
    public required string SoFar { get; init; }
    public required string AllPrefix { get; init; }
    public required string ChooseSize { get; init; }
    public required string SizesTitle { get; init; }
    public required string Each { get; init; }

    // Menu answers.
    /// <summary>{0} the item, {1} its price per size.</summary>
    public required string PriceSizes { get; init; }
    /// <summary>{0} quantity, {1} item, {2} total, {3} each.</summary>
    public required string PriceMany { get; init; }
    /// <summary>{0} item, {1} price.</summary>
    public required string PriceOne { get; init; }
    public required string ComesWith { get; init; }
    public required string SizesLabel { get; init; }
    public required string YouCanChoose { get; init; }
    /// <summary>{0} item, {1} price.</summary>
    public required string ItemFrom { get; init; }
    /// <summary>{0} the sizes.</summary>
    public required string InSizes { get; init; }
    public required string AndMore { get; init; }
    /// <summary>{0} the price most options cost.</summary>
    public required string MostCost { get; init; }
    /// <summary>{0} item, {1} tag.</summary>
    public required string TagUnknown { get; init; }
    public required string TagYes { get; init; }
    public required string TagNo { get; init; }
    /// <summary>{0} item, {1} allergen.</summary>
    public required string AllergenUnknown { get; init; }
    public required string AllergenYes { get; init; }
    public required string AllergenNo { get; init; }
    /// <summary>{0} the allergens the item has.</summary>
    public required string AllergenContains { get; init; }
    /// <summary>{0} tag.</summary>
    public required string TagListUnknown { get; init; }
    public required string TagListNone { get; init; }
    /// <summary>{0} tag, {1} items.</summary>
    public required string TagListSome { get; init; }
    /// <summary>{0} allergen.</summary>
    public required string AllergenListUnknown { get; init; }
    /// <summary>{0} allergen, {1} items.</summary>
    public required string AllergenFree { get; init; }
    /// <summary>A dietary tag or allergen id ("vegetarian", "nuts") in this language.</summary>
    public required Func<string, string> Dietary { get; init; }

    /// <summary>The text with its placeholders filled.</summary>
    public static string Say(string text, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, text, args);

    /// <summary>The texts of a language code; English for a code without texts.</summary>
    public static ChatTexts For(string? language) => language switch
    {
        "es" => Spanish,
        "pt" => Portuguese,
        _ => English,
    };
}
