import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { addDirectoryMappings } from './edit.js';
import { parseConfig } from './load.js';

const ORDERS = '3c9a7f52-1d4e-4b8a-9f3e-2a6b5c7d8e02';

describe('addDirectoryMappings', () => {
  it('adds missing names to the top-level map, keeping comments and existing names', () => {
    const text = outdent`
      # Our trainings.
      namespace: acme
      directories:
        Billing: 3c9a7f52-1d4e-4b8a-9f3e-2a6b5c7d8e01 # the billing team
      targets:
        local:
          emulator: true
    `;
    const edited = addDirectoryMappings(text, { Orders: ORDERS, Billing: 'another-id' }, 'local');
    expect(edited).toBe(outdent`
      # Our trainings.
      namespace: acme
      directories:
        Billing: 3c9a7f52-1d4e-4b8a-9f3e-2a6b5c7d8e01 # the billing team
        Orders: ${ORDERS}
      targets:
        local:
          emulator: true

    `);
    expect(parseConfig('opencx.yml', edited).ok).toBe(true);
  });

  it("adds to the target's own map when it has one", () => {
    const text = 'targets:\n  prod:\n    url: https://api.open.cx\n    directories: {}\n';
    const edited = addDirectoryMappings(text, { Orders: ORDERS }, 'prod');
    const parsed = parseConfig('opencx.yml', edited);
    expect(parsed.ok && parsed.config.targets.prod?.directories).toEqual({ Orders: ORDERS });
  });

  it('starts a configuration when there is none', () => {
    expect(addDirectoryMappings('', { Orders: ORDERS }, undefined)).toBe(
      `directories:\n  Orders: ${ORDERS}\n`,
    );
  });
});
