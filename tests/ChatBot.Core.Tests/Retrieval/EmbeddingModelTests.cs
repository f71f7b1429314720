using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class EmbeddingModelTests
{
    [Theory]
    [InlineData(null, typeof(MiniLmEmbedder))]
    [InlineData("MiniLm", typeof(MiniLmEmbedder))]
    [InlineData("ArcticXs", typeof(ArcticXsEmbedder))]
    public void Retrieval_Model_picks_the_embedder(string? model, Type expected)
    {
        using var services = Services(model);

        Assert.IsType(expected, services.GetRequiredService<ITextEmbedder>());
    }

    [Fact]
    public void The_two_models_never_share_cached_vectors() =>
        Assert.NotEqual(new MiniLmEmbedder().ModelId, new ArcticXsEmbedder().ModelId);

    [Fact]
    public void Retrieval_Model_outside_the_enum_fails_validation()
    {
        using var services = Services("7");

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RetrievalOptions>>().Value);
        Assert.Contains(nameof(RetrievalOptions.Model), error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(string? model)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(model is null ? [] : [new("Retrieval:Model", model)])
            .Build();
        return new ServiceCollection().AddChatBotCore(configuration).BuildServiceProvider();
    }
}
