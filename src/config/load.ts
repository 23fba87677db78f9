import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, diagnose, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { normalizeNewlines } from '../model/text.js';
import { redactUrlCredentials } from '../util/redact.js';
import { parseYaml, yamlData } from '../yaml/read-yaml.js';
import { describeValue, issuesToDiagnostics } from '../yaml/schema-issues.js';
import { defaultConfig, normalizeConfig, type Config } from './config.js';
import { configKeysAt, configSchema, expectedConfigValue } from './schema.js';

export const CONFIG_FILE = 'opencx.yml';

export type ConfigResult = { ok: true; config: Config } | { ok: false; diagnostics: Diagnostic[] };

/** Parse the text of an opencx.yml. Pure; `file` is only used in diagnostics. */
export function parseConfig(file: string, text: string): ConfigResult {
  const { document, lineCounter } = parseYaml(normalizeNewlines(text));
  const read = yamlData(document, lineCounter, file);
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics.map(withoutUrlCredentials) };
  const data = read.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      diagnostics: [
        diagnose(
          'not-a-mapping',
          { what: CONFIG_FILE, received: describeValue(data) },
          { file, position: { line: 1, column: 1 } },
        ),
      ],
    };
  }
  const result = configSchema.safeParse(data);
  if (!result.success) {
    return {
      ok: false,
      diagnostics: sortDiagnostics(
        issuesToDiagnostics(result.error.issues, {
          file,
          document,
          lineCounter,
          data,
          keysAt: configKeysAt,
          expectedAt: expectedConfigValue,
        }).map(withoutUrlCredentials),
      ),
    };
  }
  return { ok: true, config: normalizeConfig(result.data, file) };
}

/**
 * A diagnostic may quote the file (a value received, a YAML excerpt), and a `url` there may hold
 * credentials: those never reach the output, even when another problem is reported first.
 */
function withoutUrlCredentials(d: Diagnostic): Diagnostic {
  return {
    ...d,
    message: redactUrlCredentials(d.message),
    ...(d.hint === undefined ? {} : { hint: redactUrlCredentials(d.hint) }),
  };
}

/**
 * Read opencx.yml from `cwd`, or the file given explicitly. Without one, every default applies;
 * a file named explicitly must exist.
 */
export async function readConfig(cwd: string, explicit?: string): Promise<ConfigResult> {
  const absolute = path.resolve(cwd, explicit ?? CONFIG_FILE);
  const file = path.relative(cwd, absolute).split(path.sep).join('/');
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && explicit === undefined) return { ok: true, config: defaultConfig() };
    return {
      ok: false,
      diagnostics: [diagnose('config-unreadable', { reason: code ?? String(error) }, { file })],
    };
  }
  return parseConfig(file, text);
}
