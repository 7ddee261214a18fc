using HelpCrunchGen.Generator.Model;
using HelpCrunchGen.Generator.Reading;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>Equal specs must give equal models, or the pipeline can never cache.</summary>
public sealed class ModelEqualityTests
{
    private static SpecResult Read(string yaml) =>
        SpecReader.Read(new SpecSource("/spec.yaml", yaml, new SpecFileOptions(null, null, false)), CancellationToken.None);

    [Fact]
    public void Same_yaml_read_twice_gives_equal_models_and_hash_codes()
    {
        string yaml = File.ReadAllText(TestPaths.HelpCrunchSpec);

        SpecResult first = Read(yaml);
        SpecResult second = Read(yaml);

        Assert.NotNull(first.Spec);
        Assert.NotSame(first.Spec, second.Spec);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Comments_whitespace_and_key_order_do_not_change_the_model()
    {
        string reordered = """
            # a comment
            info: { version: 1.0.0, title: Shop }
            openapi: 3.1.0


            servers: [ { url: "https://shop.example.com/v1" } ]
            components:
              schemas:
                Order:
                  properties:
                    id:   { format: int64, type: integer }   # trailing comment
                    note: { type: [string, "null"] }
                  required: [id]
                  type: object
                Customer:
                  properties: { name: { type: string } }
                  type: object
            paths:
              /orders/{orderId}:
                get:
                  responses:
                    '200':
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Order' }
                      description: The order.
                  parameters:
                    - { in: path, name: orderId, required: true, schema: { type: integer, format: int64 } }
                  operationId: getOrder
            """;

        Assert.Equal(Read(Specs.TwoSchemas).Spec, Read(reordered).Spec);
    }

    [Fact]
    public void A_type_change_makes_the_models_unequal()
    {
        string changed = Specs.TwoSchemas.Replace("id: { type: integer, format: int64 }", "id: { type: string }");

        Assert.NotEqual(Read(Specs.TwoSchemas).Spec, Read(changed).Spec);
    }

    [Fact]
    public void A_description_change_makes_only_that_schema_unequal()
    {
        string changed = Specs.TwoSchemas.Replace("name: { type: string }", "name: { type: string, description: Full name }");

        ApiSpec before = Read(Specs.TwoSchemas).Spec!;
        ApiSpec after = Read(changed).Spec!;

        Assert.Equal(before.Schemas.Single(s => s.TypeName == "Order"), after.Schemas.Single(s => s.TypeName == "Order"));
        Assert.NotEqual(before.Schemas.Single(s => s.TypeName == "Customer"), after.Schemas.Single(s => s.TypeName == "Customer"));
    }
}
