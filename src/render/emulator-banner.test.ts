import { describe, expect, it } from 'vitest';
import { renderEmulatorBanner } from './emulator-banner.js';

describe('renderEmulatorBanner', () => {
  it('gives the URL, the token, where the data goes and how to stop', () => {
    expect(
      renderEmulatorBanner({ url: 'http://127.0.0.1:4010', token: 'tok', dataFile: 'state.json' }),
    ).toBe(
      'OpenCX emulator listening on http://127.0.0.1:4010\nToken: tok\nData: state.json\nPress Ctrl+C to stop.\n',
    );
  });

  it('says how to keep a state held in memory', () => {
    const banner = renderEmulatorBanner({ url: 'u', token: 't', dataFile: undefined });
    expect(banner).toContain('Data: in memory (use --data FILE to keep it)\n');
  });
});
