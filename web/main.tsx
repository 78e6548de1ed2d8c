// Mantine's global styles only: each component's stylesheet comes with the
// component, in the chunk that uses it (vite.config.ts, mantineStylesPerComponent).
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
// The theme's thumb-sized controls on a phone (they outrank Mantine's rules, whichever loads last).
import './app/touch.css';
import { createTheme, MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import { ApiError } from './app/api.js';
import { App } from './app/App.js';
import { ErrorBoundary } from './app/ErrorBoundary.js';
import { sessionQuery } from './app/session.js';
import { i18nReady } from './app/i18n.js';
import { loadNotices, onNotice } from './ui/notify.js';

// Notices appear after an action, never on the first screen: their container
// is downloaded and shown with the first one (web/ui/notify.ts). Not with
// React.lazy: without a connection (the door's phone) the download fails, and
// a failure thrown while rendering, here outside every error boundary, took the
// whole app off the screen. A failed download is tried again with the next notice.
type NoticesModule = Awaited<ReturnType<typeof loadNotices>>;
function NoticeContainer() {
  const [Notifications, setNotifications] = useState<NoticesModule['Notifications'] | null>(null);
  useEffect(() => onNotice(() => void loadNotices().then((m) => setNotifications(() => m.Notifications), () => undefined)), []);
  return Notifications ? <Notifications position="bottom-right" /> : null;
}

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
// Components are themed by name, not with Component.extend, so the first
// screen does not load a component (the dialog, its scroll area) it does not show.
// A badge names a status: it keeps its whole word ("APPLICANT", not "APPLIC…"),
// and in a narrow cell it wraps rather than being cut.
const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  defaultRadius: 'sm',
  components: {
    // A link is told from the text around it by more than its colour (WCAG 1.4.1).
    Anchor: { defaultProps: { underline: 'always' } },
    Badge: { styles: { root: { flexShrink: 0, maxWidth: 'none', height: 'auto', minHeight: 'var(--badge-height)' }, label: { overflow: 'visible', whiteSpace: 'normal', textOverflow: 'clip' } } },
  },
});
// Light badges and highlights, in every colour of the palette: the palest shade
// behind the darkest text. Where even shade 9 is under 4.5:1 on shade 0
// (yellow 2.8, lime 3.5, orange 4.0, green 4.1), a darker text of the same hue.
const DARKER_TEXT: Record<string, string> = { yellow: '#7a4a00', lime: '#436c0a', orange: '#a63a0c', green: '#22702f' };
const lightVariants = Object.fromEntries(
  ['dark', 'gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'].flatMap((c) => [
    [`--mantine-color-${c}-light`, `var(--mantine-color-${c}-0)`],
    [`--mantine-color-${c}-light-color`, DARKER_TEXT[c] ?? `var(--mantine-color-${c}-9)`],
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
  const named = useMemo(() => mergeThemeOverrides(theme, createTheme({ components: { Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('ui.close') } } } } })), [t]);
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
      <NoticeContainer />
      <QueryClientProvider client={queryClient}>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </QueryClientProvider>
    </Themed>
  </StrictMode>,
));
