import { Anchor, Badge, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '../../../contracts/certificates.js';
import type { CourseDetail, CourseParticipant } from '../../../contracts/training.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { Form } from '../../ui/Form.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { certificatePdfUrl, issueCertificate, revokeCertificate, trainingKeys } from './api.js';
import { certifiable } from './certificates-due.js';


function IssueForm({ course, participant, onDone }: { course: CourseDetail; participant: CourseParticipant; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [validUntil, setValidUntil] = useState('');
  const issue = useMutation({
    mutationFn: () => issueCertificate(course.id, { personId: participant.personId, validUntil: validUntil || null }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.certificates(course.id) });
      notify(t('training.certificates.issued', { name: participant.name }));
      onDone();
    },
  });
  const errors = issue.error instanceof ApiError ? issue.error.fieldErrors : {};
  return (
    <Form onSubmit={() => issue.mutate()} gap="sm">
      <Text size="sm">{t(course.kind === 'tot' ? 'training.certificates.issueHelpTrainer' : 'training.certificates.issueHelp', { name: participant.name, course: course.title })}</Text>
      <TextInput type="date" label={t('training.certificates.validUntil')} description={t('training.certificates.validUntilHelp')} w={240} value={validUntil} error={errors.validUntil}
        onChange={(e) => setValidUntil(e.currentTarget.value)} />
      <ProblemAlert error={issue.error} />
      <Group justify="flex-end"><Button type="submit" loading={issue.isPending}>{t('training.certificates.issue')}</Button></Group>
    </Form>
  );
}

function RevokeForm({ courseId, certificate, onDone }: { courseId: string; certificate: Certificate; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: () => revokeCertificate(certificate.id, reason),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.certificates(courseId) });
      notify(t('training.certificates.revokedDone', { name: certificate.name }));
      onDone();
    },
  });
  const errors = revoke.error instanceof ApiError ? revoke.error.fieldErrors : {};
  return (
    <Form onSubmit={() => revoke.mutate()} gap="sm">
      <Text size="sm">{t('training.certificates.revokeQuestion', { name: certificate.name })}</Text>
      <Textarea label={t('training.certificates.reason')} required autosize minRows={2} data-autofocus value={reason} error={errors.reason} onChange={(e) => setReason(e.currentTarget.value)} />
      <ProblemAlert error={revoke.error} />
      <Group justify="flex-end"><Button type="submit" color="red" loading={revoke.isPending}>{t('training.certificates.revoke')}</Button></Group>
    </Form>
  );
}

/** A participant's certificate on the course page: issue it, download its PDF, revoke it with a reason. */
export function CertificateCell({ course, participant, certificate, manage }: { course: CourseDetail; participant: CourseParticipant; certificate: Certificate | undefined; manage: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'issue' | 'revoke' | null>(null);
  if (!certificate) {
    if (!manage || !certifiable(course, participant)) return <Text size="sm">—</Text>;
    return (
      <>
        <Button size="xs" variant="light" onClick={() => setOpen('issue')}>{t('training.certificates.issue')}</Button>
        <Modal opened={open === 'issue'} onClose={() => setOpen(null)} title={t('training.certificates.issue')} size="lg">
          <IssueForm course={course} participant={participant} onDone={() => setOpen(null)} />
        </Modal>
      </>
    );
  }
  return (
    <Stack gap={4} align="flex-start">
      {certificate.revokedAt
        ? <Badge color="red" variant="light">{t('training.certificates.revokedOn', { on: formatDate(certificate.revokedAt) })}</Badge>
        : <Text size="sm">{t('training.certificates.issuedOn', { on: formatDate(certificate.issuedAt) })}</Text>}
      {certificate.revokedReason && <Text size="xs" c="dimmed">{certificate.revokedReason}</Text>}
      <Group gap="xs">
        <Button size="xs" variant="default" component="a" href={certificatePdfUrl(certificate.id)} leftSection={<IconFileTypePdf size={14} />}>{t('training.certificates.pdf')}</Button>
        <Anchor href={certificate.verifyUrl} target="_blank" rel="noopener" size="xs">{t('training.certificates.verify')}</Anchor>
        {manage && !certificate.revokedAt && <Button size="xs" variant="subtle" color="red" onClick={() => setOpen('revoke')}>{t('training.certificates.revoke')}</Button>}
      </Group>
      <Modal opened={open === 'revoke'} onClose={() => setOpen(null)} title={t('training.certificates.revoke')} size="lg">
        <RevokeForm courseId={course.id} certificate={certificate} onDone={() => setOpen(null)} />
      </Modal>
    </Stack>
  );
}
