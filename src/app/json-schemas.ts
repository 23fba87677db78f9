import { z } from 'zod';
import { configSchema } from '../config/schema.js';
import { frontmatterSchema } from '../source/schema.js';

/** The files the tool reads, by the name `schema` takes: what editors can check as they type. */
export const SCHEMAS = { training: frontmatterSchema, config: configSchema } as const;
export type SchemaName = keyof typeof SCHEMAS;

/**
 * The JSON Schema of a written file, generated from the zod schema that checks it, so that the
 * committed schema/*.json (a test compares them) never says other than validate does. Draft-07,
 * which editors support most widely.
 */
export function jsonSchemaOf(name: SchemaName): Record<string, unknown> {
  return z.toJSONSchema(SCHEMAS[name], { target: 'draft-7', io: 'input', unrepresentable: 'any' });
}
