// Writes src/judge/place-index-data.ts from the built buildPlaceIndex (run `npm run build` first): reading threads
// then load the place index as data instead of stemming ~5,000 country and city names each (~180 ms of CPU a thread).
import { writeFileSync } from 'node:fs';
import { buildPlaceIndex, renderPlaceIndex } from '../dist/judge/place-index.js';

const target = new URL('../src/judge/place-index-data.ts', import.meta.url);
writeFileSync(target, renderPlaceIndex(buildPlaceIndex()));
console.log(`wrote ${target.pathname}`);
