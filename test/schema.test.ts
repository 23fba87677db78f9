import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { jsonSchemaOf, SCHEMAS, type SchemaName } from '../src/app/json-schemas.js';

const FILES: Record<SchemaName, string> = {
  training: 'schema/training.schema.json',
  config: 'schema/opencx.schema.json',
};

describe('committed JSON Schemas', () => {
  for (const name of Object.keys(SCHEMAS) as SchemaName[]) {
    it(`${FILES[name]} matches the zod schema (run "npm run schema" to update)`, async () => {
      const committed = JSON.parse(
        await readFile(new URL(`../${FILES[name]}`, import.meta.url), 'utf8'),
      ) as unknown;
      expect(committed).toEqual(jsonSchemaOf(name));
    });
  }

  it('lists the closed set of frontmatter keys and channel values', () => {
    const schema = jsonSchemaOf('training') as {
      additionalProperties: boolean;
      required: string[];
      properties: { channels: { items: { enum: string[] } } };
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['title']);
    expect(schema.properties.channels.items.enum).toContain('web_voice');
  });
});
