namespace HelpCrunchGen.Generator.Tests;

/// <summary>Small specs for focused tests.</summary>
internal static class Specs
{
    public const string TwoSchemas = """
        openapi: 3.1.0
        info:
          title: Shop
          version: 1.0.0
        servers:
          - url: https://shop.example.com/v1
        paths:
          /orders/{orderId}:
            get:
              operationId: getOrder
              parameters:
                - name: orderId
                  in: path
                  required: true
                  schema: { type: integer, format: int64 }
              responses:
                '200':
                  description: The order.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Order' }
        components:
          schemas:
            Order:
              type: object
              required: [id]
              properties:
                id: { type: integer, format: int64 }
                note: { type: [string, "null"] }
            Customer:
              type: object
              properties:
                name: { type: string }
        """;

    /// <summary>Builds a minimal document around a components/schemas block (indented by 4).</summary>
    public static string WithSchemas(string schemas) => $"""
        openapi: 3.0.3
        info:
          title: Test
          version: 1.0.0
        paths: {"{}"}
        components:
          schemas:
        {schemas}
        """;
}
