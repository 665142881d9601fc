// `npm run bootstrap`: install every tool now (the start and test commands also do it when needed).
import { bootstrap } from './bootstrap.js';

export async function main() {
  const t0 = Date.now();
  await bootstrap((l) => console.log(`[bootstrap] ${l}`));
  console.log(`[bootstrap] done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
