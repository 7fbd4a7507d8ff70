using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderBot.Tests.Extraction.Llm;

/// <summary>One test's endpoint on the fake server: what it answers, and every request it received.</summary>
public sealed class FakeLlmScenario(string id, Uri server, Func<int, FakeReply> reply, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public string Id { get; } = id;

    /// <summary>The base URL an OpenAI client is given (it appends /chat/completions).</summary>
    public Uri OpenAIEndpoint => new(server, $"s/{Id}/v1");

    /// <summary>The base URL an Ollama client is given (it appends api/chat).</summary>
    public Uri OllamaEndpoint => new(server, $"s/{Id}/");

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Completes when the server has received <paramref name="count"/> requests.</summary>
    public Task Received(int count)
    {
        lock (_lock)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task;
        }
    }

    internal FakeReply Record(string path, string authorization, string body)
    {
        lock (_lock)
        {
            _requests.Add(new RecordedRequest(path, authorization, JsonNode.Parse(body)!, time.GetUtcNow()));
            foreach (var waiter in _waiters.Where(w => w.Count <= _requests.Count).ToList())
            {
                waiter.Signal.SetResult();
                _waiters.Remove(waiter);
            }

            return reply(_requests.Count);
        }
    }
}

/// <param name="At">When the request arrived, on the test's clock.</param>
public sealed record RecordedRequest(string Path, string Authorization, JsonNode Body, DateTimeOffset At)
{
    public string SystemPrompt => (string)Body["messages"]![0]!["content"]!;
    public string UserMessage => (string)Body["messages"]![1]!["content"]!;
}

public sealed record FakeReply(int Status, string Body, IReadOnlyDictionary<string, string> Headers, bool Hang = false)
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>A chat completion whose message content is <paramref name="content"/>, verbatim.</summary>
    public static FakeReply OpenAI(string content, string finishReason = "stop") => new(200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1764300000,
        model = "test-model",
        choices = new[] { new { index = 0, finish_reason = finishReason, message = new { role = "assistant", content, refusal = (string?)null } } },
        usage = new { prompt_tokens = 412, completion_tokens = 31, total_tokens = 443 },
    }), NoHeaders);

    public static FakeReply Ollama(string content) => new(200, JsonSerializer.Serialize(new
    {
        model = "llama3.2",
        created_at = "2026-01-01T12:00:00Z",
        message = new { role = "assistant", content },
        done = true,
        done_reason = "stop",
        prompt_eval_count = 412,
        eval_count = 31,
    }), NoHeaders);

    public static FakeReply Error(int status, IReadOnlyDictionary<string, string>? headers = null) => new(
        status,
        JsonSerializer.Serialize(new { error = new { message = "fake failure", type = "server_error", param = (string?)null, code = "fake" } }),
        headers ?? NoHeaders);

    public static FakeReply Hanging() => new(200, "", NoHeaders, Hang: true);
}
