namespace OrderBot.Extraction.Llm;

/// <summary>Which extractor reads customer messages.</summary>
public enum ExtractionMode
{
    /// <summary>The offline menu parser only: free, deterministic, no network.</summary>
    Parser,

    /// <summary>The language model for every message; the parser answers whenever the model cannot be trusted.</summary>
    Llm,

    /// <summary>The parser first; the model only when the parser leaves unrecognized text or an ambiguity.</summary>
    Hybrid,
}

/// <summary>The wire protocol of the model server.</summary>
public enum LlmProvider
{
    /// <summary>OpenAI chat completions, and every compatible server (vLLM, llama.cpp, LM Studio, Ollama's /v1).</summary>
    OpenAI,

    /// <summary>Ollama's native /api/chat.</summary>
    Ollama,
}

/// <summary>Which request field carries the token limit on an OpenAI-compatible server.</summary>
public enum TokenLimitField
{
    /// <summary>max_completion_tokens for OpenAI (api.openai.com, Azure), max_tokens for other servers.</summary>
    Auto,

    /// <summary>max_tokens: Ollama's /v1, vLLM, llama.cpp, LM Studio.</summary>
    MaxTokens,

    /// <summary>max_completion_tokens: OpenAI's current field (the only one its reasoning models take).</summary>
    MaxCompletionTokens,
}
