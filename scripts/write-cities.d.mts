// Types for scripts/write-cities.mjs, so the drift test can import its renderer.
export const CITY_LANGUAGES: readonly string[];
export function renderCities(readZones: (lang: string) => unknown): string;
export function installedZones(lang: string): unknown;
