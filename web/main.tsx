import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './app/api.js';
import { App } from './app/App.js';
import { ErrorBoundary } from './app/ErrorBoundary.js';
import './app/i18n.js';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Refused requests are answers, not network hiccups: do not retry them.
      retry: (count, error) => count < 2 && error instanceof ApiError && error.code === 'network',
      refetchOnWindowFocus: false,
    },
  },
});

const theme = createTheme({ primaryColor: 'teal', primaryShade: 8, defaultRadius: 'sm' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
