import { build } from 'vite';

// The journeys run against the built app, as a user gets it.
export default async function setup() {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
