/**
 * Tokens come from the environment and must never reach output. Every message that leaves the
 * tool passes through here: any secret-looking environment value is replaced wherever it occurs,
 * and so are bearer credentials in text.
 */
const SECRET_NAME = /(TOKEN|KEY|SECRET|PASSWORD|AUTH)/i;
const MIN_SECRET_LENGTH = 8;

export function redact(
  text: string,
  env: Readonly<Record<string, string | undefined>> = {},
  extra: readonly string[] = [],
): string {
  let out = text.replace(/(Bearer\s+)[^\s"',]+/gi, '$1[redacted]');
  const secrets = [
    ...extra,
    ...Object.entries(env)
      .filter(([name]) => SECRET_NAME.test(name))
      .map(([, value]) => value ?? ''),
  ].filter((s) => s.length >= MIN_SECRET_LENGTH);
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}
