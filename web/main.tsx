import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
// After Mantine's styles: the theme's thumb-sized controls on a phone.
import './app/touch.css';
import { Anchor, Badge, createTheme, MantineProvider, mergeThemeOverrides, Modal } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import { ApiError } from './app/api.js';
import { App } from './app/App.js';
import { ErrorBoundary } from './app/ErrorBoundary.js';
import { sessionQuery } from './app/session.js';
import { i18nReady } from './app/i18n.js';

// Notices appear after an action, never on the first screen: their container loads later.
const Notifications = lazy(async () => ({ default: (await import('@mantine/notifications')).Notifications }));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Refused requests are answers, not network hiccups: do not retry them.
      retry: (count, error) => count < 2 && error instanceof ApiError && error.code === 'network',
      refetchOnWindowFocus: false,
    },
  },
});

// Shade 9 and a darker "dimmed" keep text at WCAG AA contrast (4.5:1).
// A badge names a status: it keeps its whole word ("APPLICANT", not "APPLIC…"),
// and in a narrow cell it wraps rather than being cut.
const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  defaultRadius: 'sm',
  components: {
    // A link is told from the text around it by more than its colour (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    Badge: Badge.extend({ styles: { root: { flexShrink: 0, maxWidth: 'none', height: 'auto', minHeight: 'var(--badge-height)' }, label: { overflow: 'visible', whiteSpace: 'normal', textOverflow: 'clip' } } }),
  },
});
// Light badges and highlights: the palest shade behind the darkest text.
const lightVariants = Object.fromEntries(
  ['teal', 'blue', 'red', 'gray', 'yellow'].flatMap((c) => [
    [`--mantine-color-${c}-light`, `var(--mantine-color-${c}-0)`],
    // Yellow's darkest shade is still too light on a pale background.
    [`--mantine-color-${c}-light-color`, c === 'yellow' ? '#7a4a00' : `var(--mantine-color-${c}-9)`],
  ]),
);
const cssVariablesResolver = () => ({ variables: {}, light: {
    ...lightVariants,
    '--mantine-color-dimmed': '#555d66',
    // A placeholder is read too (a file input's words are one): 4.8:1 on white.
    '--mantine-color-placeholder': '#6b7280',
    '--mantine-color-error': '#c92a2a',
    '--mantine-primary-color-light': 'var(--mantine-color-teal-0)',
    '--mantine-primary-color-light-hover': 'var(--mantine-color-teal-1)',
    '--mantine-primary-color-light-color': '#06664a',
    // Shade 9 has no darker neighbour, so Mantine would lighten it on hover.
    '--mantine-primary-color-filled-hover': '#06664a',
  }, dark: {} });

/**
 * The theme with its words: every dialog's close button is named in the
 * reader's language (a nameless × fails screen readers and axe-core).
 */
function Themed({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const named = useMemo(() => mergeThemeOverrides(theme, createTheme({ components: { Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('ui.close') } } }) } })), [t]);
  return (
    <MantineProvider theme={named} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

// Who is signed in is asked while the reader's language downloads, not after.
void queryClient.prefetchQuery(sessionQuery);
// Rendered once the reader's language has arrived, so no message shows as its key.
void i18nReady.catch(() => undefined).then(() => createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Themed>
      {/* Bottom, so a notice never covers the page header where the actions are. */}
      <Suspense fallback={null}>
        <Notifications position="bottom-right" />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </QueryClientProvider>
    </Themed>
  </StrictMode>,
));
