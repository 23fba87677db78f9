import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '..');
const SRC = path.join(REPO, 'src');

type Layers = Record<string, { imports: string[]; io?: '*' | string[] }>;
/** The layers, as eslint.config.js declares and enforces them. */
const { LAYERS } = (await import(pathToFileURL(path.join(REPO, 'eslint.config.js')).href)) as {
  LAYERS: Layers;
};

/** Every module of src/ (tests left out) and the modules it imports, dynamic imports included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const text = readFileSync(file, 'utf8');
        const specifiers = [
          ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+'([^']+)'/g),
          ...text.matchAll(/(?:^|\n)\s*import\s+'([^']+)'/g),
          ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
        ].map((m) => m[1] as string);
        graph.set(
          path.relative(SRC, file),
          specifiers
            .filter((s) => s.startsWith('.'))
            .map((s) => path.relative(SRC, path.resolve(dir, s.replace(/\.js$/, '.ts')))),
        );
      }
    }
  };
  visit(SRC);
  return graph;
}

/** The top folder of a module under src/ (`cli` for `cli/commands/x.ts`; '' for `bin.ts`). */
const folderOf = (module: string): string => (module.includes('/') ? module.split('/')[0]! : '');

/** Strongly connected groups of more than one node (or a node importing itself): the cycles. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (stack.includes(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      group.push(top);
      if (top === node) break;
    }
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return found;
}

describe('the layers of src/', () => {
  const graph = importGraph();

  it('name every folder of src/, and only folders that exist', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect([...Object.keys(LAYERS), 'cli'].sort()).toEqual(folders.sort());
    for (const [folder, { imports, io }] of Object.entries(LAYERS)) {
      for (const below of imports) expect(Object.keys(LAYERS)).toContain(below);
      for (const file of Array.isArray(io) ? io : [])
        expect(existsSync(path.join(SRC, folder, file)), `src/${folder}/${file}`).toBe(true);
    }
  });

  it('are the map of folders in CONTRIBUTING.md', () => {
    const map = readFileSync(path.join(REPO, '.github', 'CONTRIBUTING.md'), 'utf8');
    const listed: Record<string, string[]> = {};
    for (const [, folder = '', imports = ''] of map.matchAll(/^- `(\w+)` \(([^)]*)\):/gm))
      listed[folder] = imports === 'imports nothing' ? [] : imports.split(', ').sort();
    expect(listed).toEqual({
      ...Object.fromEntries(Object.entries(LAYERS).map(([f, l]) => [f, [...l.imports].sort()])),
      cli: ['anything'],
    });
  });

  it('form no cycle', () => {
    const layers = new Map(Object.entries(LAYERS).map(([f, l]) => [f, l.imports]));
    expect(cycles(layers)).toEqual([]);
  });

  it('are followed by every import, dynamic ones included', () => {
    const crossings: string[] = [];
    for (const [module, imports] of graph) {
      const from = folderOf(module);
      if (from === '' || from === 'cli') continue;
      for (const target of imports) {
        const to = folderOf(target);
        if (to !== from && !LAYERS[from]?.imports.includes(to))
          crossings.push(`${module} -> ${target}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('leave no cycle between modules either', () => {
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
    expect(cycles(graph)).toEqual([]);
  });

  it('are enforced by the lint rule: a cross import and a pure module reading files fail', async () => {
    const eslint = new ESLint({ cwd: REPO });
    const [result] = await eslint.lintText(
      "import { main } from '../cli/main.js';\nimport { readFileSync } from 'node:fs';\nexport const uses = [main, readFileSync];\n",
      { filePath: path.join(SRC, 'model', 'training.ts') },
    );
    expect(result?.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['no-restricted-imports', 1],
      ['no-restricted-imports', 2],
    ]);
    expect(result?.messages[0]?.message).toContain('src/model/ may import only src/util/');
  }, 30_000);
});
