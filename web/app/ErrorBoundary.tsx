import { Alert, Button, Container } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { i18n } from './i18n.js';

/** Shows a way out instead of a blank page when a screen fails to render. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Container p="xl">
        <Alert color="red" title={i18n.t('errors.internal')}>
          <Button mt="md" onClick={() => window.location.assign('/')}>
            {i18n.t('ui.reload')}
          </Button>
        </Alert>
      </Container>
    );
  }
}
