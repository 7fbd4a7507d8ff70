using Microsoft.AspNetCore.Diagnostics;
using OrderBot.Menu;
using OrderBot.Orders;

namespace OrderBot.Server.Api;

/// <summary>Turns the library's typed errors into ProblemDetails with the status a client can act on.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = exception switch
        {
            OrderValidationException e => (StatusCodes.Status400BadRequest, "The request is invalid.", e.Message, e.Errors),
            UnknownCustomerException e => (StatusCodes.Status422UnprocessableEntity, "Unknown customer.", e.Message, null),
            IdempotencyKeyReusedException e => (StatusCodes.Status422UnprocessableEntity, "Idempotency key reused.", e.Message, null),
            BadHttpRequestException e => (e.StatusCode, e.StatusCode == 413 ? "The request body is too large." : "The request could not be read.", e.Message, null),
            MenuValidationException e => (StatusCodes.Status400BadRequest, "The menu is invalid.", e.Message, null),
            _ => (0, null, null, (IReadOnlyDictionary<string, string[]>?)null),
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        var problem = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail }
            : new HttpValidationProblemDetails(errors.ToDictionary()) { Status = status, Title = title, Detail = detail };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
