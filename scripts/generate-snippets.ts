// Writes snippets/<profile>.code-snippets from the built-in profiles. Run with `npm run snippets`.
// The files are committed; a unit test fails when they drift from the profiles.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInProfileNames, findProfile } from '../server/src/engine/profiles';
import { buildSnippets } from '../server/src/authoring/snippets';

export function snippetFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of builtInProfileNames()) {
    files[`${name}.code-snippets`] = `${JSON.stringify(buildSnippets(findProfile(name)!), null, 2)}\n`;
  }
  return files;
}

if (require.main === module) {
  for (const [file, text] of Object.entries(snippetFiles())) {
    writeFileSync(join(__dirname, '..', 'snippets', file), text);
    console.log(`wrote snippets/${file}`);
  }
}
