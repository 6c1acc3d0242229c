using System.Text.Json.Nodes;
using SocialReport.Core.Archive;
using SocialReport.Core.Editions;
using SocialReport.Testing.Storage;

namespace SocialReport.Core.Tests.Archive;

public class EditionContentTests
{
    [Fact]
    public void An_edition_that_states_its_date_is_stored_as_before_the_date_source_existed()
    {
        var edition = TestEditions.Full();

        var json = JsonNode.Parse(EditionContent.Serialize(edition))!.AsObject();

        // Archived editions were hashed without the field: writing it for them would make every republish a revision.
        Assert.False(json.ContainsKey("dateSource"));
        Assert.Equal(DateSource.Text, EditionContent.Deserialize(json.ToJsonString()).DateSource);
    }

    [Fact]
    public void A_date_from_elsewhere_is_stored_and_read_back()
    {
        var edition = TestEditions.Full() with { DateSource = DateSource.FileName };

        var json = EditionContent.Serialize(edition);

        Assert.Equal("fileName", JsonNode.Parse(json)!["dateSource"]!.GetValue<string>());
        Assert.Equal(DateSource.FileName, EditionContent.Deserialize(json).DateSource);
        Assert.NotEqual(EditionContent.Hash(EditionContent.Serialize(TestEditions.Full())), EditionContent.Hash(json));
    }
}
