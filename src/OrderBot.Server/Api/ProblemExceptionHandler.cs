using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Server.Api;

/// <summary>Turns the library's typed errors into ProblemDetails with the status a client can act on.</summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = exception switch
        {
            OrderValidationException e => (StatusCodes.Status400BadRequest, "The request is invalid.", e.Message, e.Errors),
            OrderRuleException e => (StatusCodes.Status422UnprocessableEntity, "The order breaks a shop rule: " + e.RuleName + ".", e.Message,
                new Dictionary<string, string[]> { [e.Field] = [e.Message] }),
            UnknownCustomerException e => (StatusCodes.Status422UnprocessableEntity, "Unknown customer.", e.Message, null),
            IdempotencyKeyReusedException e => (StatusCodes.Status422UnprocessableEntity, "Idempotency key reused.", e.Message, null),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } =>
                (StatusCodes.Status400BadRequest, "The request body is invalid.", "A field is unknown or has the wrong type.", ReadError(json)),
            BadHttpRequestException e => (e.StatusCode, e.StatusCode == 413 ? "The request body is too large." : "The request could not be read.", e.Message, null),
            MenuValidationException e => (StatusCodes.Status400BadRequest, "The menu is invalid.", e.Message, null),
            _ when IsStorageFailure(exception) => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable.",
                "Nothing was changed. Retry in a moment.", null),
            _ => (0, null, null, (IReadOnlyDictionary<string, string[]>?)null),
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogStorageFailure(logger, context.Request.Method, context.Request.Path, exception);
            context.Response.Headers.RetryAfter = "5";
        }

        var problem = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail }
            : new HttpValidationProblemDetails(errors.ToDictionary()) { Status = status, Title = title, Detail = detail };
        if (exception is OrderRuleException rule)
        {
            // The rule's wire name is what a client (and the conversation) acts on: offer pickup, suggest the opening time.
            problem.Extensions["rule"] = rule.RuleName;
            if (rule.NextOpening is { } opens)
            {
                problem.Extensions["next_opening"] = opens.UtcDateTime;
            }

            if (rule.SoldOut.Count > 0)
            {
                problem.Extensions["sold_out"] = rule.SoldOut;
            }
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static Dictionary<string, string[]> ReadError(System.Text.Json.JsonException json)
    {
        var (field, error) = ApiProblems.Describe(json);
        return new Dictionary<string, string[]> { [field] = [error] };
    }

    [LoggerMessage(2001, LogLevel.Error, "The database failed during {Method} {Path}; answered 503")]
    private static partial void LogStorageFailure(ILogger logger, string method, string path, Exception exception);

    // A transaction that fails to commit is rolled back as a whole, so telling the client "nothing changed" is true.
    private static bool IsStorageFailure(Exception exception) => exception switch
    {
        DbException or DbUpdateException or TimeoutException => true,
        InvalidOperationException { InnerException: DbException or TimeoutException } => true,
        _ => false,
    };
}
