import { DEFAULT_TOKEN_ENV, OPENCX_API_URL } from '../model/opencx-api.js';

/**
 * The files `init` writes, as text. They live in code so that the build ships them with the
 * package. Each is checked by a test: the config and examples must validate, the JSON files
 * must parse. The workflow is workflow-template.ts.
 */

const SCHEMA_DIR = './node_modules/opencx-trainings/schema';

export function configTemplate(namespace: string, { promotion = false } = {}): string {
  const staging = promotion
    ? `  # Where merges are applied first; \`promote\` then copies what it holds to production.
  staging:
    url: ${OPENCX_API_URL}
    token_env: OPENCX_STAGING_KEY
`
    : '';
  return `# opencx-trainings configuration (see the README of opencx-trainings, "Configuration").
root: trainings

# Recorded on every training this repository creates in OpenCX, so that several repositories
# can share one org without touching each other's trainings.
namespace: ${namespace}

# The OpenCX API cannot list directories: names used in \`directory:\` map to directory ids.
# \`opencx-trainings pull --map-directories\` adds the names of your org's directories here.
# directories:
#   Billing: 3c9a7f52-1d4e-4b8a-9f3e-2a6b5c7d8e01

targets:
${staging}  # Your OpenCX org. The API key comes from this environment variable (a repository secret
  # in CI), never from a file.
  production:
    url: ${OPENCX_API_URL}
    token_env: ${DEFAULT_TOKEN_ENV}
  # The embedded emulator of the OpenCX API, to try changes without an account: data in .opencx/.
  local:
    emulator: .opencx/emulator.json

# Commands without --target use the emulator; the GitHub workflow passes --target production.
default_target: local
`;
}

export const SCENARIO_EXAMPLE = `---
# An example training: replace it with your own. The title is what a customer asks.
title: Where is my order?
type: SCENARIO_SPECIFIC
channels: [web, email]
# A draft is kept in OpenCX but not used by the AI. Set it to false to publish.
draft: true
---
Ask for the order number if the customer has not given it, then look the order up.

- If it has shipped, give the tracking link and the expected delivery date.
- If it has not shipped yet, say when it will, and apologise if it is late.
- If the parcel is more than five days late, hand the conversation over to a person.
`;

export const BEHAVIORAL_EXAMPLE = `---
# An example behavioural training: always active, whatever the customer asks.
title: Tone of voice
type: BEHAVIORAL
draft: true
---
Be warm, clear and brief. Use the customer's name when you know it, answer the question first,
then add only what helps. Never promise what the customer cannot check.
`;

export const VSCODE_SETTINGS = `{
  "yaml.schemas": {
    "${SCHEMA_DIR}/opencx.schema.json": "opencx.yml"
  }
}
`;

export const VSCODE_EXTENSIONS = `{
  "recommendations": ["redhat.vscode-yaml", "unifiedjs.vscode-remark"]
}
`;

export const REMARK_CONFIG = `// Checks training frontmatter in the editor (VS Code: the remark extension). Needs:
// npm install -D opencx-trainings remark-frontmatter remark-lint-frontmatter-schema
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

export default {
  plugins: [
    remarkFrontmatter,
    [
      remarkLintFrontmatterSchema,
      {
        schemas: {
          '${SCHEMA_DIR}/training.schema.json': ['./trainings/**/*.md'],
        },
      },
    ],
  ],
};
`;

/** The line `.gitignore` needs: the embedded emulator's data stays local. */
export const GITIGNORE_LINE = '.opencx/';
