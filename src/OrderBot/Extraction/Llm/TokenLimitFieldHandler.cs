using System.Text.Json.Nodes;

namespace OrderBot.Extraction.Llm;

/// <summary>
/// The OpenAI SDK always writes the token limit as <c>max_completion_tokens</c>; Ollama's /v1 (and older llama.cpp)
/// silently ignore that field and read <c>max_tokens</c>. For such servers this renames the field in the request
/// body, the one place where the SDK's choice can be changed without depending on its experimental patch API.
/// </summary>
internal sealed class TokenLimitFieldHandler : DelegatingHandler
{
    private const string Current = "max_completion_tokens";
    private const string Legacy = "max_tokens";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content && request.Method == HttpMethod.Post)
        {
            var body = JsonNode.Parse(await content.ReadAsStringAsync(cancellationToken));
            if (body is JsonObject json && json.Remove(Current, out var limit))
            {
                json[Legacy] = limit;
                var replaced = new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
                request.Content = replaced;
                content.Dispose();
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
