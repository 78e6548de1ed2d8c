import { notifications } from '@mantine/notifications';
import { i18n } from '../app/i18n.js';

/** A short confirmation in the corner; its close button is named for screen readers. */
export function notify(message: string, color = 'teal') {
  notifications.show({ color, message, closeButtonProps: { 'aria-label': i18n.t('ui.close') } });
}
