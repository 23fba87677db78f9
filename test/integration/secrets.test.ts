import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/api/errors.js';
import { runCli } from '../helpers/cli.js';
import { clientOf, collect } from '../helpers/client.js';
import { useEmulator } from '../helpers/emulator.js';
import { aProject, md, TOKEN_ENV } from '../helpers/project.js';

/**
 * The API key never reaches output: not in error messages, not in --debug lines, not in what
 * apply reports, even when the server quotes it back (the emulator's `echoAuthorization` fault
 * puts the whole header and the bare token into every error body). Keys of several lengths,
 * the shortest far below what a guess from variable names would catch.
 */
const TOKENS = ['QZXWK', 'QZXWK7PLMN2R', 'QZXWK7PLMN2RVTYUJHGBQZXWK7PLMN2RVTYUJHGB'];
const ECHOED = 'echoed by an injected fault';

/** Everything a user or a log could see of a failed call. */
function exposed(error: unknown, ...more: unknown[]): string {
  const e = error as ApiError;
  return JSON.stringify([e.message, e.stack, e.serverMessage, { ...e }, ...more]);
}

function expectHidden(secret: string, text: string): void {
  expect(text).not.toContain(secret);
  // The server did quote the key: the check above is not passing for want of an echo.
  expect(text).toContain(ECHOED);
}

describe('the API key never appears in the client’s errors and events', () => {
  for (const token of TOKENS) {
    describe(`a key of ${token.length} characters`, () => {
      it('a 401 for a wrong key', async () => {
        const emulator = await useEmulator({ faults: { echoAuthorization: true } });
        const { client, events } = clientOf({ url: emulator.url, token });
        const error = await collect(client.listTrainings()).catch((e: unknown) => e);
        expect(error).toMatchObject({ status: 401 });
        expectHidden(token, exposed(error, events));
      });

      it('a 400 for an invalid body', async () => {
        const emulator = await useEmulator({ token, faults: { echoAuthorization: true } });
        const { client, events } = clientOf(emulator);
        const error = await client
          .createTraining({ title: 't', content: 'c', restricted_to_channels: ['fax' as 'web'] })
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ status: 400 });
        expectHidden(token, exposed(error, events));
      });

      it('a 5xx after every retry', async () => {
        const emulator = await useEmulator({
          token,
          faults: { errorRate: 1, errorStatuses: [503], echoAuthorization: true },
        });
        const { client, events } = clientOf(emulator, { maxAttempts: 3 });
        const error = await client.getTraining('x').catch((e: unknown) => e);
        expect(error).toMatchObject({ status: 503, attempts: 3 });
        expect(events).toHaveLength(3);
        expectHidden(token, exposed(error, events));
      });
    });
  }
});

describe('the API key never appears in what the CLI prints', () => {
  const files = { 'refunds.md': md('title: How do I get a refund?') };

  for (const token of TOKENS) {
    describe(`a key of ${token.length} characters`, () => {
      it('plan --debug with a wrong key', async () => {
        const emulator = await useEmulator({ faults: { echoAuthorization: true } });
        const project = await aProject(emulator, files);
        const result = await runCli(['plan', '--debug', '--no-cache'], {
          cwd: project.dir,
          env: { [TOKEN_ENV]: token },
        });
        expect(result.code).toBe(1);
        expect(result.stderr).toContain('[debug] GET /training');
        expectHidden(token, result.stdout + result.stderr);
      });

      it('apply --yes --debug with a create the server refuses', async () => {
        const emulator = await useEmulator({
          token,
          limits: { titleMaxLength: 10 },
          faults: { echoAuthorization: true },
        });
        const project = await aProject(emulator, files);
        const result = await project.run(['apply', '--yes', '--debug']);
        expect(result.code).toBe(1);
        expect(result.stdout + result.stderr).toMatch(
          /failed: POST \/training failed with HTTP 400/,
        );
        expectHidden(token, result.stdout + result.stderr);
      });
    });
  }
});

describe('credentials written into a target URL', () => {
  const SECRET = 'QZXWK';

  it('are refused when opencx.yml is read, before anything is printed or sent', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, { 'refunds.md': md('title: Refunds') });
    const withCredentials = emulator.url.replace('http://', `http://ci:${SECRET}@`);
    await writeFile(
      path.join(project.dir, 'opencx.yml'),
      `namespace: acme\ntargets:\n  test:\n    url: ${withCredentials}\n    token_env: ${TOKEN_ENV}\ndefault_target: test\n`,
    );
    for (const command of [['plan'], ['apply', '--yes'], ['validate']]) {
      const result = await project.run(command);
      const output = result.stdout + result.stderr;
      expect(result.code).toBe(1);
      expect(output).not.toContain('Target:');
      expect(output).toMatch(/opencx\.yml:4:\d+: error targets\.test\.url: .*credentials/);
      expect(output).toContain('token_env');
      expect(output).not.toContain(SECRET);
    }
    expect(emulator.requests).toHaveLength(0);
  });
});
