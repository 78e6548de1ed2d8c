import { Button, Group, Modal, Progress, Stack, Text, TextInput } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '../../../contracts/certificates.js';
import type { CourseDetail } from '../../../contracts/training.js';
import { ApiError } from '../../app/api.js';
import { Form } from '../../ui/Form.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { issueEligibleCertificates, trainingKeys } from './api.js';
import { certificatesDue } from './certificates-due.js';

/**
 * Issues a certificate to everyone who completed (a ToT: every trainer it
 * certified) and has none yet, in one request. How many is counted from what
 * the page already has, the course's participants and its certificates, the
 * way the server chooses them (`certificatesDue`), and said before anything is
 * signed; while the server signs them the dialog shows it working and cannot
 * be closed; then the page says how many were issued (the server's count).
 */
export function IssueAllCertificates({ course, certificates }: { course: CourseDetail; certificates: Certificate[] | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [validUntil, setValidUntil] = useState('');
  const [issued, setIssued] = useState<number | null>(null);
  const issue = useMutation({
    mutationFn: () => issueEligibleCertificates(course.id, { validUntil: validUntil || null }),
    onSuccess: async ({ items }) => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.certificates(course.id) });
      setIssued(items.length);
      notify(t('training.certificates.issuedAll', { count: items.length }));
      setOpen(false);
      setValidUntil('');
    },
  });
  // Until the certificates are read the count is unknown: no button that would say a wrong one.
  if (!certificates) return null;
  const due = certificatesDue(course, certificates).length;
  const errors = issue.error instanceof ApiError ? issue.error.fieldErrors : {};
  const close = () => {
    if (!issue.isPending) setOpen(false);
  };
  return (
    <Stack gap={4} align="flex-start">
      <Button size="xs" variant="light" leftSection={<IconCertificate size={14} />} disabled={due === 0}
        onClick={() => { issue.reset(); setIssued(null); setOpen(true); }}>
        {t('training.certificates.issueAll')}
      </Button>
      {issued !== null ? <Text size="sm" role="status">{t('training.certificates.issuedAll', { count: issued })}</Text>
        : due === 0 && <Text size="xs" c="dimmed">{t('training.certificates.noneDue')}</Text>}
      <Modal opened={open} onClose={close} title={t('training.certificates.issueAll')} size="lg" closeOnClickOutside={!issue.isPending} closeOnEscape={!issue.isPending} withCloseButton={!issue.isPending}>
        <Form onSubmit={() => issue.mutate()} gap="sm">
          <Text size="sm">{t(course.kind === 'tot' ? 'training.certificates.issueAllQuestionTrainers' : 'training.certificates.issueAllQuestion', { count: due, course: course.title })}</Text>
          <TextInput type="date" label={t('training.certificates.validUntil')} description={t('training.certificates.validUntilHelp')} w={240} value={validUntil} error={errors.validUntil}
            disabled={issue.isPending} onChange={(e) => setValidUntil(e.currentTarget.value)} />
          {issue.isPending && (
            <Stack gap={4} role="status" aria-live="polite">
              <Text size="sm">{t('training.certificates.issuingAll', { count: due })}</Text>
              <Progress value={100} striped animated aria-label={t('training.certificates.issuingAll', { count: due })} />
            </Stack>
          )}
          <ProblemAlert error={issue.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={issue.isPending}>{t('ui.confirm.cancel')}</Button>
            <Button type="submit" loading={issue.isPending}>{t('training.certificates.issueAllConfirm', { count: due })}</Button>
          </Group>
        </Form>
      </Modal>
    </Stack>
  );
}
