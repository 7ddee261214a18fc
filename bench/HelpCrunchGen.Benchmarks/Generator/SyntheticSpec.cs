using System.Globalization;
using System.Text;

namespace HelpCrunchGen.Benchmarks.Generator;

/// <summary>
/// A large OpenAPI 3.1 document built deterministically (no randomness): <c>operations</c> operations over
/// <c>operations / 4</c> paths, and <c>schemas</c> component schemas (every tenth an enum, the rest objects of
/// ten properties: scalars, nullables, Unix times, enum and object references, arrays).
/// </summary>
internal static class SyntheticSpec
{
    /// <summary>Two component schemas per operation, the ratio of the 1,000-operation benchmark spec.</summary>
    public static string ForOperations(int operations) => Create(operations, operations * 2);

    public static string Create(int operations, int schemas)
    {
        if (operations % 4 != 0 || schemas < 20)
        {
            throw new ArgumentOutOfRangeException(nameof(operations), "operations must be a multiple of 4 and schemas at least 20");
        }

        var yaml = new StringBuilder(schemas * 900);
        yaml.Append("""
            openapi: 3.1.0
            info:
              title: Synthetic
              version: 1.0.0
              description: A generated spec for the generator benchmark.
            servers:
              - url: https://synthetic.example.com/v1
            security:
              - bearerAuth: []
            paths:

            """);

        int paths = operations / 4;
        for (int p = 0; p < paths; p++)
        {
            string model = ObjectName(p, schemas);
            string n = p.ToString("D4", CultureInfo.InvariantCulture);
            yaml.Append(CultureInfo.InvariantCulture, $$"""
                  /resources{{n}}/{id}:
                    get:
                      operationId: getResource{{n}}
                      summary: Get resource {{n}}.
                      parameters:
                        - { name: id, in: path, required: true, schema: { type: integer, format: int64 } }
                        - { name: limit, in: query, schema: { type: integer, format: int32 } }
                        - { name: since, in: query, schema: { type: integer, format: unix-time } }
                      responses:
                        '200':
                          description: The resource.
                          content:
                            application/json:
                              schema: { $ref: '#/components/schemas/{{model}}' }
                        '404':
                          description: Not found.
                          x-error-codes: [not_found]
                          content:
                            application/json:
                              schema: { $ref: '#/components/schemas/ErrorResponse' }
                    put:
                      operationId: updateResource{{n}}
                      summary: Replace resource {{n}}.
                      parameters:
                        - { name: id, in: path, required: true, schema: { type: integer, format: int64 } }
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema: { $ref: '#/components/schemas/{{model}}' }
                      responses:
                        '200':
                          description: The updated resource.
                          content:
                            application/json:
                              schema: { $ref: '#/components/schemas/{{model}}' }
                        '400':
                          description: Invalid.
                          x-error-codes: [invalid_request]
                          content:
                            application/json:
                              schema: { $ref: '#/components/schemas/ErrorResponse' }
                    post:
                      operationId: createResource{{n}}
                      summary: Create a resource {{n}}.
                      parameters:
                        - { name: id, in: path, required: true, schema: { type: integer, format: int64 } }
                        - { name: X-Request-Id, in: header, schema: { type: string } }
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema: { $ref: '#/components/schemas/{{model}}' }
                      responses:
                        '201':
                          description: Created.
                          content:
                            application/json:
                              schema: { $ref: '#/components/schemas/{{model}}' }
                    delete:
                      operationId: deleteResource{{n}}
                      summary: Delete resource {{n}}.
                      parameters:
                        - { name: id, in: path, required: true, schema: { type: integer, format: int64 } }
                      responses:
                        '204':
                          description: Deleted.

                """);
        }

        yaml.Append("""
            components:
              securitySchemes:
                bearerAuth:
                  type: http
                  scheme: bearer
              schemas:
                ErrorResponse:
                  type: object
                  required: [errors]
                  properties:
                    errors:
                      type: array
                      items: { $ref: '#/components/schemas/ErrorEntry' }
                ErrorEntry:
                  type: object
                  required: [code, message]
                  properties:
                    code: { type: string }
                    message: { type: string }

            """);

        for (int i = 2; i < schemas; i++)
        {
            string name = SchemaName(i);
            if (IsEnum(i))
            {
                yaml.Append(CultureInfo.InvariantCulture, $$"""
                        {{name}}:
                          type: string
                          description: Enum number {{i}}.
                          enum: [alpha, beta, gamma delta, epsilon-{{i}}]

                    """);
                continue;
            }

            string enumRef = SchemaName(EnumNear(i, schemas));
            string other = SchemaName(ObjectNear(i * 7 + 3, schemas));
            string child = SchemaName(ObjectNear(i * 13 + 5, schemas));
            yaml.Append(CultureInfo.InvariantCulture, $$"""
                    {{name}}:
                      type: object
                      description: Object number {{i}}.
                      required: [id, name, status]
                      properties:
                        id: { type: integer, format: int64, description: Identifier. }
                        name: { type: string, description: Display name. }
                        note: { type: [string, "null"] }
                        createdAt: { type: integer, format: unix-time }
                        updatedAt: { type: [integer, "null"], format: unix-time }
                        active: { type: boolean }
                        score: { type: number, format: double }
                        status: { $ref: '#/components/schemas/{{enumRef}}' }
                        parent:
                          oneOf:
                            - $ref: '#/components/schemas/{{other}}'
                            - type: "null"
                        children:
                          type: array
                          items: { $ref: '#/components/schemas/{{child}}' }
                        tags:
                          type: array
                          items: { type: string }

                """);
        }

        return yaml.ToString();
    }

    /// <summary>The name of the object schema that one edit changes (its <c>name</c> description).</summary>
    public static string EditOneSchema(string yaml, int schemas)
    {
        string name = SchemaName(ObjectNear(schemas / 2, schemas));
        string marker = $"    {name}:\n      type: object\n      description: Object number ";
        int at = yaml.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("Schema to edit not found: " + name);
        }

        int descriptionEnd = yaml.IndexOf('\n', at + marker.Length);
        return yaml.Insert(descriptionEnd, " (edited)");
    }

    private static string SchemaName(int i) => "Model" + i.ToString("D4", CultureInfo.InvariantCulture);

    private static bool IsEnum(int i) => i % 10 == 0;

    private static string ObjectName(int p, int schemas) => SchemaName(ObjectNear(p * 3 + 2, schemas));

    private static int ObjectNear(int seed, int schemas)
    {
        int i = 2 + (seed % (schemas - 2));
        return IsEnum(i) ? (i + 1 < schemas ? i + 1 : i - 1) : i;
    }

    private static int EnumNear(int i, int schemas)
    {
        int e = (i / 10) * 10;
        return e < 10 ? 10 : e >= schemas ? e - 10 : e;
    }
}
