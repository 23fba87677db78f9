#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later can keep compiled code between runs (in the system's temporary folder):
// a command started again and again starts faster. Enabled before the rest is loaded.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { main } = await import('./cli/main.js');
const { processIo } = await import('./app/io.js');
const { endsQuietlyOnClosedPipe } = await import('./cli/closed-pipe.js');

const argv = process.argv.slice(2);
// A reader that stops early (`| head`) closes the pipe: see closed-pipe.ts.
const quiet = endsQuietlyOnClosedPipe(argv[0]);
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    if (quiet) process.exit(0);
  });
}

const code = await main(argv, processIo());
// Let pending output flush before leaving; stdout may be a pipe.
process.exitCode = code;
