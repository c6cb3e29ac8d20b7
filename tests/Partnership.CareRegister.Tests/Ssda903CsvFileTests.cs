using System.Text;
using Partnership.CareRegister.Ssda903;

namespace Partnership.CareRegister.Tests;

/// <summary>What the importer's readers get from a CSV field: trimmed outside quotes, unquoted, and the same text whether or not its string was reused.</summary>
public sealed class Ssda903CsvFileTests
{
    [Fact]
    public async Task Fields_come_back_trimmed_unquoted_and_equal_to_their_text()
    {
        var csv = "CHILD,LS,HOME_POST,NOTE\n" +
                  " A1 ,C2,\"NG1 5FS\",\"said \"\"no\"\"\"\n" +
                  "A1,\tC2 ,NG1 5FS,caf\u00e9\n" +
                  "B2,,\"  \",a-field-of-more-than-fifteen-bytes\n" +
                  "B2,C2\n";
        await using var file = await Ssda903CsvFile.OpenAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), TestContext.Current.CancellationToken);

        Assert.Equal(4, await file.ReadBatchAsync(10, TestContext.Current.CancellationToken));
        string?[][] expected =
        [
            ["A1", "C2", "NG1 5FS", "said \"no\""],
            ["A1", "C2", "NG1 5FS", "caf\u00e9"],
            ["B2", null, "  ", "a-field-of-more-than-fifteen-bytes"],
            ["B2", "C2", null, null],
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            file.Select(i);
            Assert.Equal(expected[i], new[] { file["CHILD"], file["LS"], file["HOME_POST"], file["NOTE"] });
        }
        // A value met again is the same string, so a return's repeated codes and ids cost one string each.
        file.Select(0);
        var first = file["LS"];
        file.Select(3);
        Assert.Same(first, file["LS"]);
    }

    [Fact]
    public void Short_fields_of_every_length_differing_in_any_one_byte_get_their_own_strings()
    {
        // The cache keys a field by its bytes packed into 16 with reads that overlap for some lengths: every byte of
        // every length must count, or two fields would share a string.
        var strings = new Ssda903FieldStrings();
        for (var length = 0; length <= Ssda903FieldStrings.MaxLength; length++)
        {
            var text = new string('A', length);
            var same = strings.Get(Encoding.ASCII.GetBytes(text));
            Assert.Equal(text, same);
            Assert.Same(same, strings.Get(Encoding.ASCII.GetBytes(text)));
            for (var position = 0; position < length; position++)
            {
                var changed = string.Concat(text.AsSpan(0, position), "B", text.AsSpan(position + 1));
                Assert.Equal(changed, strings.Get(Encoding.ASCII.GetBytes(changed)));
                Assert.Equal(text, strings.Get(Encoding.ASCII.GetBytes(text)));
            }
        }
        Assert.Equal("\u00e9t\u00e9", strings.Get(Encoding.UTF8.GetBytes("\u00e9t\u00e9")));
    }
}
