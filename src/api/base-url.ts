import { ConfigError } from '../util/errors.js';

/**
 * The API's base URL, checked: https anywhere, plain http only to this machine (the emulator),
 * since the token would otherwise cross the network in clear text.
 */
export function checkBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`"${raw}" is not a URL. Use e.g. https://api.open.cx`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${url.protocol} URLs are not supported: use https://`);
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new ConfigError(
      `Refusing plain http:// to ${url.hostname}: the API key would travel unencrypted. Use https://, or http:// only to localhost.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError(
      'Credentials in the URL are not supported: put the API key in the environment variable of the target.',
    );
  }
  return url;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
