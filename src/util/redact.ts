/**
 * Tokens come from the environment and must never reach output. Every message that leaves the
 * tool passes through here: known secrets and secret-looking environment values are replaced
 * wherever they occur, and so are bearer credentials and credentials written into URLs.
 */
const SECRET_NAME = /(TOKEN|KEY|SECRET|PASSWORD|AUTH)/i;
/**
 * Environment values are only guessed to be secrets from their variable's name, and such names
 * also hold flags and settings (`NO_AUTH=1`, `KEYBOARD=us`, `AUTH_ENABLED=true`): replacing "1" or
 * "true" everywhere would garble every message. Real API keys are far longer than this. Secrets
 * we know to be secrets (the `extra` list) are replaced whatever their length.
 */
export const MIN_GUESSED_SECRET_LENGTH = 8;
export const REDACTED = '[redacted]';

export function redact(
  text: string,
  env: Readonly<Record<string, string | undefined>> = {},
  extra: readonly string[] = [],
): string {
  let out = redactUrlCredentials(text.replace(/(Bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`));
  const guessed = Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && (value ?? '').trim().length > 0)
    .map(([, value]) => value ?? '')
    .filter((value) => value.length >= MIN_GUESSED_SECRET_LENGTH);
  const known = extra.filter((value) => value.trim().length > 0);
  // Longest first, so that a secret containing another is never left half replaced.
  const secrets = [...new Set([...known, ...guessed].flatMap(spellings))].sort(
    (a, b) => b.length - a.length,
  );
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

/** `scheme://user:password@host` → `scheme://[redacted]@host`. */
export function redactUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi, `$1${REDACTED}@`);
}

/**
 * A secret as it may appear in a message: as is, escaped inside a JSON string (an error body
 * quoted raw), or percent-encoded (a URL).
 */
function spellings(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
}
