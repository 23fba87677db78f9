#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later can keep compiled code between runs (in the system's temporary folder):
// a command started again and again starts faster. Enabled before the rest is loaded.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { main } = await import('./cli/main.js');
const { processIo } = await import('./app/io.js');

const code = await main(process.argv.slice(2), processIo());
// Let pending output flush before leaving; stdout may be a pipe.
process.exitCode = code;
