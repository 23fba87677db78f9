/**
 * What a request that got no answer ran into, read from the error's code. undici and Node put
 * the telling code on the error itself or deeper in its `cause` chain (or in the `errors` of an
 * AggregateError when several addresses were tried), so the whole chain is searched.
 *
 * Some failures cannot get better by retrying: a certificate that is not trusted, a TLS handshake
 * with something that does not speak TLS, a host name that does not resolve. Those are
 * `permanent` and fail the call at once, with a message that names the host.
 */

export type NetworkFailureKind =
  'tls-untrusted' | 'tls-expired' | 'tls-wrong-host' | 'tls-handshake' | 'dns' | 'other';

export interface NetworkFailure {
  kind: NetworkFailureKind;
  /** The code that decided the kind (e.g. DEPTH_ZERO_SELF_SIGNED_CERT, ENOTFOUND). */
  code: string;
  permanent: boolean;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
/** A slow handshake is a timeout like any other: the next attempt may well succeed. */
const TRANSIENT_TLS_CODES = new Set(['ERR_TLS_HANDSHAKE_TIMEOUT']);
/** The chain is short in practice; the bound only guards against a cause that points back. */
const MAX_DEPTH = 8;

export function classifyNetworkError(error: unknown): NetworkFailure {
  const codes = codesOf(error);
  for (const code of codes) {
    const kind = kindOf(code);
    if (kind !== 'other') return { kind, code, permanent: true };
  }
  const fallback = error instanceof Error ? error.name : 'UNKNOWN';
  return { kind: 'other', code: codes[0] ?? fallback, permanent: false };
}

function kindOf(code: string): NetworkFailureKind {
  if (DNS_CODES.has(code)) return 'dns';
  if (TRANSIENT_TLS_CODES.has(code)) return 'other';
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return 'tls-expired';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH')
    return 'tls-wrong-host';
  if (
    /^(CERT_|UNABLE_TO_(GET|VERIFY|DECRYPT)_)/.test(code) ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'SELF_SIGNED_CERT_IN_CHAIN'
  )
    return 'tls-untrusted';
  if (/^ERR_(TLS|SSL)_/.test(code) || code === 'EPROTO') return 'tls-handshake';
  return 'other';
}

/** Every string `code` in the error, its causes and aggregated errors, outermost first. */
function codesOf(error: unknown, depth = 0): string[] {
  if (depth > MAX_DEPTH || typeof error !== 'object' || error === null) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  return [
    ...(typeof code === 'string' && code !== '' ? [code] : []),
    ...codesOf(cause, depth + 1),
    ...(Array.isArray(errors) ? errors.flatMap((e) => codesOf(e, depth + 1)) : []),
  ];
}

/**
 * The message of a permanent failure, naming the host (with its port when not the default), and
 * how to fix it. Undefined for failures worth retrying: their message names the call instead.
 */
export function describePermanentFailure(
  failure: NetworkFailure,
  host: string,
): string | undefined {
  const name = host.replace(/:\d+$/, '');
  const { code } = failure;
  switch (failure.kind) {
    case 'dns':
      return `Cannot resolve ${name} (${code}): check the target's url and the network.`;
    case 'tls-untrusted':
      return `Cannot reach ${host}: the TLS certificate is not trusted (${code}). Behind a proxy that inspects TLS, point NODE_EXTRA_CA_CERTS to its CA certificate.`;
    case 'tls-expired':
      return `Cannot reach ${host}: the TLS certificate is expired or not yet valid (${code}); check this machine's clock.`;
    case 'tls-wrong-host':
      return `Cannot reach ${host}: the TLS certificate is for another host (${code}); check the target's url.`;
    case 'tls-handshake':
      return `Cannot reach ${host}: the TLS handshake failed (${code}); check that the url's port serves https.`;
    case 'other':
      return undefined;
  }
}
