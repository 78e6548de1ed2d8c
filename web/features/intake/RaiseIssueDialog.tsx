import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RaiseIssue } from './RaiseIssue.js';

/**
 * The dialog to raise an issue. IssuesPage loads it on the button's click, not
 * with the list: a member's first screen stays light on a phone (issue 14).
 */
export default function RaiseIssueDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('intake.raise')} size="lg">
      <RaiseIssue onClose={onClose} />
    </Modal>
  );
}
