#!/usr/bin/env node
import { main } from './cli/main.js';
import { processIo } from './cli/io.js';

const code = await main(process.argv.slice(2), processIo());
// Let pending output flush before leaving; stdout may be a pipe.
process.exitCode = code;
