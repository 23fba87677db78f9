/**
 * The GitHub action's entry point (action.yml, `runs.main`), bundled with its dependencies into
 * action/index.mjs. The runner passes each input as `INPUT_<NAME>` (upper case, the name's
 * hyphens kept); this turns them into the arguments of `opencx-trainings github`, in the
 * working directory the inputs name, and runs it as the command line does.
 */
import path from 'node:path';
import { processIo } from './app/io.js';
import { main } from './cli/main.js';

type Env = Readonly<Record<string, string | undefined>>;

/** An input of action.yml as the runner passes it; empty when not given. */
function input(env: Env, name: string): string {
  return (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
}

/** The command line that the inputs stand for, and where it runs. */
export function commandOfInputs(env: Env): { args: string[]; cwd: string; token: string } {
  const args = ['github', '--mode', input(env, 'mode'), '--comment', input(env, 'comment') || 'on'];
  const target = input(env, 'target');
  if (target !== '') args.push('--target', target);
  if (input(env, 'allow-mass-delete') === 'true') args.push('--allow-mass-delete');
  const planChanged = input(env, 'plan-changed');
  if (planChanged !== '') args.push('--plan-changed', planChanged);
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const cwd = path.resolve(workspace, input(env, 'working-directory') || '.');
  return { args, cwd, token: input(env, 'github-token') };
}

const { args, cwd, token } = commandOfInputs(process.env);
// The comment's token comes from the input (default: the job's token), as GITHUB_TOKEN.
if (token !== '') process.env.GITHUB_TOKEN = token;
process.exitCode = await main(args, { ...processIo(), cwd });
