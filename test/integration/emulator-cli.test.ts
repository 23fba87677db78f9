import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** A port free a moment ago on 127.0.0.1, so the test knows where the command will listen. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Wait until something answers HTTP on the port; returns the status of `GET /training`. */
async function waitForHttp(port: number, token?: string): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/training`, {
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  throw new Error(`nothing answered on port ${port}`);
}

/** Run `emulator` with `args`, do `during` while it runs, then send it SIGINT. */
async function runEmulator(
  args: string[],
  during: (port: number) => Promise<void>,
): Promise<CliResult & { port: number; cwd: string }> {
  const port = await freePort();
  let stop: (signal: string) => void = () => undefined;
  const signal = new Promise<string>((resolve) => (stop = resolve));
  const cwd = await tempDir();
  const result = runCli(['emulator', '--port', String(port), ...args], { cwd, signal });
  try {
    await during(port);
  } finally {
    stop('SIGINT');
  }
  return { ...(await result), port, cwd };
}

describe('opencx-trainings emulator', () => {
  it('prints its URL and token, serves until the signal, then stops cleanly', async () => {
    const result = await runEmulator(['--token', 'local-test-token'], async (port) => {
      expect(await waitForHttp(port)).toBe(401);
      expect(await waitForHttp(port, 'local-test-token')).toBe(200);
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      `OpenCX emulator listening on http://127.0.0.1:${result.port}\n`,
    );
    expect(result.stdout).toContain('Token: local-test-token\n');
    expect(result.stdout).toContain('GET /training 200');
    expect(result.stdout).toMatch(/Stopped \(SIGINT\)\.\n$/);
    await expect(fetch(`http://127.0.0.1:${result.port}/training`)).rejects.toThrow();
  });

  it('makes up a token when none is given, and keeps quiet with --quiet', async () => {
    const result = await runEmulator(['--quiet'], async (port) => {
      await waitForHttp(port);
    });
    expect(result.stdout).toMatch(/Token: emu_[\w-]{24}\n/);
    expect(result.stdout).not.toContain('GET /training');
  });

  it('keeps its state in --data, relative to the working directory, and takes switches', async () => {
    const args = ['--token', 't', '--data', 'data/e.json', '--no-directories'];
    const result = await runEmulator([...args, '--segments-envelope', 'items'], async (port) => {
      await waitForHttp(port);
      const get = (p: string) =>
        fetch(`http://127.0.0.1:${port}${p}`, { headers: { authorization: 'Bearer t' } });
      expect((await get('/training/directories')).status).toBe(404);
      const segments = (await (await get('/contacts/segments')).json()) as object;
      expect(Object.keys(segments)).toEqual(['items']);
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Data: data/e.json\n');
    const state = JSON.parse(
      await readFile(path.join(result.cwd, 'data', 'e.json'), 'utf8'),
    ) as object;
    expect(state).toMatchObject({ format_version: 1, trainings: [] });
  });

  it.each([
    [['--fault-rate', '2'], '--fault-rate must be a fraction from 0 to 1'],
    [['--fault-rate', '0.6', '--drop-rate', '0.6'], 'must add up to 1 at most'],
    [['--rate-limit', '100'], '--rate-limit must be REQUESTS/SECONDS'],
    [['--latency', '50-10'], '--latency must be MIN-MAX'],
    [['--metadata-on-update', 'aply'], 'Did you mean "apply"?'],
    [['--create-status', '202'], '--create-status must be one of 201, 200'],
    [['--port', '70000'], '--port must be a whole number from 0 to 65535'],
    [['--fault-methods', 'GET,FETCH'], 'not "FETCH"'],
  ])('refuses %j', async (args, message) => {
    const result = await runCli(['emulator', ...args], { cwd: await tempDir() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it('prints its usage', async () => {
    const result = await runCli(['emulator', '--help'], { cwd: await tempDir() });
    expect(result.stdout).toMatch(/^Usage: opencx-trainings emulator \[--port N\]/);
    expect(result.stdout).toContain('--metadata-on-update');
  });
});
