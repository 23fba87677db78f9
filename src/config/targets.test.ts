import { describe, expect, it } from 'vitest';
import { defaultConfig, type Target } from './config.js';
import { describeTarget } from './targets.js';

const remote = (url: string): Target => ({
  name: 'prod',
  directories: {},
  rateLimit: defaultConfig().rateLimit,
  kind: 'remote',
  url,
  tokenEnv: 'OPENCX_API_KEY',
});

describe('describeTarget', () => {
  it('names the URL and the variable holding the key', () => {
    expect(describeTarget(remote('https://api.open.cx'))).toBe(
      'Target: prod (https://api.open.cx, API key from $OPENCX_API_KEY)',
    );
  });

  it('never prints credentials written into the URL', () => {
    const line = describeTarget(remote('https://ci:QZXWK@api.open.cx/v1'));
    expect(line).not.toContain('QZXWK');
    expect(line).not.toContain('ci:');
    expect(line).toContain('api.open.cx/v1');
  });
});
