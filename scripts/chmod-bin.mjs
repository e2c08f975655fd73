// Makes the built CLI executable so `npx citecheck` works straight after `npm ci`.
import { chmodSync } from 'node:fs';
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
