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
