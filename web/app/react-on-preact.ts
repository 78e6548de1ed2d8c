// What the web app and its libraries get when they import "react": Preact's
// compatibility layer (vite.config.ts aliases "react" here), plus what it lacks.
import type { ComponentChildren } from 'preact';
import compat, { createElement } from 'preact/compat';

// @ts-expect-error -- preact/compat's types are one `export =` namespace; the module itself has named exports.
export * from 'preact/compat';

/**
 * React 19.2's <Activity>, which Mantine uses to keep a closed Collapse, Tabs
 * panel or Stepper step mounted. React hides the children's elements
 * (display: none) and keeps their state; here they sit in an element of
 * `display: contents` (no box of its own) that becomes `display: none` when
 * hidden. Unlike React, their effects keep running while hidden.
 */
export function Activity({ mode = 'visible', children }: { mode?: 'visible' | 'hidden'; children?: ComponentChildren }) {
  return createElement('div', { style: { display: mode === 'hidden' ? 'none' : 'contents' } }, children);
}

export default { ...compat, Activity };
